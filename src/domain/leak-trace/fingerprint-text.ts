import { createHmac } from 'node:crypto';
import { HYPHEN, INVISIBLE_SYMBOLS, MODIFIER_APOSTROPHE, NBSP } from './marks.ts';
import { type MarkChannel, type MarkOptions, type Slot, slotsOf } from './text-slots.ts';

export { stripMarks } from './marks.ts';
export type { MarkOptions } from './text-slots.ts';

/** Bits of fingerprint per slot: a gap carries one of four zero-width runs; the other channels one of two forms. */
export const SLOT_BITS: Record<MarkChannel, 1 | 2> = { invisible: 2, punctuation: 1, spacing: 1 };

/**
 * The value a copy carries in a slot: the low bits of HMAC-SHA256(seed, slot key) (RFC 2104).
 * Without the seed, a recipient can neither tell which values another recipient's copy holds nor
 * forge them.
 */
export function slotValue(seed: string, channel: MarkChannel, key: string): number {
  const byte = createHmac('sha256', seed).update(key).digest()[0] ?? 0;
  return byte & ((1 << SLOT_BITS[channel]) - 1);
}

/**
 * Marks a text for one recipient: deterministic per (text, seed, options), and reads the same. The
 * channels are independent, so that any one surviving identifies a copy: one or two zero-width
 * characters after every other word (which ones is the value), hyphens and apostrophes inside
 * words in one of two look-alike forms, and, if asked, no-break spaces for some spaces. Each mark
 * sits where the neighbouring words say, not at a position.
 */
export function markText(text: string, seed: string, options: MarkOptions = {}): string {
  const { tokens, slots } = slotsOf(text, options);
  if (slots.length === 0) return text;
  const byToken = new Map<number, Slot[]>();
  for (const slot of slots) byToken.set(slot.token, [...(byToken.get(slot.token) ?? []), slot]);
  let out = '';
  let copied = 0;
  for (const [index, tokenSlots] of byToken) {
    const token = tokens[index]!;
    const chars = token.text.split('');
    let after = '';
    let end = token.end;
    for (const slot of tokenSlots) {
      const value = slotValue(seed, slot.channel, slot.key);
      if (slot.channel === 'invisible') after += INVISIBLE_SYMBOLS[value] ?? '';
      else if (value === 0) continue;
      else if (slot.channel === 'punctuation')
        chars[slot.at] = chars[slot.at] === '-' ? HYPHEN : MODIFIER_APOSTROPHE;
      else {
        // The single space after the token becomes a no-break space.
        after += NBSP;
        end++;
      }
    }
    out += text.slice(copied, token.start) + chars.join('') + after;
    copied = end;
  }
  return out + text.slice(copied);
}
