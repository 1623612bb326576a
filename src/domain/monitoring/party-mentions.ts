/**
 * Which parties a text obliges, read from the names, short names, demonyms and codes it mentions:
 * "the Republic of Veloria", "Veloria", "Velorian forces", "KRF". Words for every side ("the
 * parties", "both sides", "each party") name all of them when no party is named.
 */

export interface NamedParty {
  id: string;
  name: string;
  code: string;
}

const GENERIC_PREFIX =
  /^(?:the\s+)?(?:(?:islamic|democratic|federal|people's|united)\s+)?(?:republic|kingdom|state|government|federation|principality|commonwealth|emirate|sultanate)\s+of\s+(?:the\s+)?/i;
const GENERIC_SUFFIX = /\s+(?:federation|republic|state|government)$/i;
const EVERY_SIDE = /\b(?:the|both|all|each|either|neither|two)\s+(?:parties|party|sides|side|signatories)\b/i;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a party's name takes in running text. */
export function nameForms(party: NamedParty): string[] {
  const name = party.name.trim();
  const short = name.replace(GENERIC_PREFIX, '').replace(GENERIC_SUFFIX, '').trim();
  const forms = new Set([name, short].filter((f) => f.length >= 3));
  // Demonyms of a one-word short name: Veloria → Velorian, Israel → Israeli, Ukraine → Ukrainian.
  if (/^[A-Za-z]+$/.test(short) && short.length >= 4) {
    const stem = short.replace(/[aeiy]+$/i, '');
    for (const suffix of ['n', 'an', 'ian', 'i', 'ese', 'ish']) forms.add(short + suffix);
    for (const suffix of ['an', 'ian', 'ese', 'ish', 'i']) forms.add(stem + suffix);
  }
  return [...forms];
}

/** Ids of the parties the text mentions, in the order of `parties`; all of them for "the parties". */
export function partiesMentioned(text: string, parties: readonly NamedParty[]): string[] {
  const named = parties.filter((p) => {
    const forms = nameForms(p)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    const byName = new RegExp(`(?<![\\w-])(?:${forms.join('|')})(?:['’]s)?(?![\\w-])`, 'i');
    // Codes are matched as written (upper case), so "US" the party is not "us" the pronoun.
    const byCode = p.code.length >= 2 ? new RegExp(`(?<![\\w-])${escapeRegExp(p.code)}(?![\\w-])`) : null;
    return byName.test(text) || (byCode?.test(text) ?? false);
  });
  if (named.length > 0) return named.map((p) => p.id);
  return EVERY_SIDE.test(text) ? parties.map((p) => p.id) : [];
}
