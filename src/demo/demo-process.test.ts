import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../domain/shared/ids.ts';
import { demoPlanHistory } from './demo-plan-history.ts';
import { DEMO_PASSWORD, demoProcess } from './demo-process.ts';

describe('demoProcess', () => {
  it('has five parties with unique keys and codes, and colours as #rrggbb', () => {
    const { parties } = demoProcess;
    expect(parties).toHaveLength(5);
    expect(new Set(parties.map((p) => p.key)).size).toBe(5);
    expect(new Set(parties.map((p) => p.code)).size).toBe(5);
    for (const p of parties) expect(p.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(parties.filter((p) => p.kind === 'mediator')).toHaveLength(1);
  });

  it('has users with unique emails in known parties, an admin mediator and every role', () => {
    const keys = new Set(demoProcess.parties.map((p) => p.key));
    const { users } = demoProcess;
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) expect(keys.has(u.partyKey)).toBe(true);
    expect(users.filter((u) => u.isAdmin).map((u) => u.role)).toEqual(['mediator']);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['mediator', 'delegate', 'observer', 'monitor']),
    );
    expect(DEMO_PASSWORD).toBe('entente-demo');
  });

  it('writes each version in the importer’s Markdown shape, one numbered line per point', () => {
    const history = demoPlanHistory(sequentialIds());
    const { versions, draftText } = demoProcess.plan;
    expect(versions.map((v) => v.label)).toEqual(['Draft 1', 'Draft 2', 'Draft 3']);
    expect(versions.map((v) => v.daysAgo)).toEqual([...versions.map((v) => v.daysAgo)].sort((a, b) => b - a));
    const authors = new Set(demoProcess.users.filter((u) => u.role === 'mediator').map((u) => u.email));
    [...versions.map((v) => v.text), draftText].forEach((text, i) => {
      const plan = history.versions[i] ?? history.draft;
      expect(text.startsWith(`# ${plan.title}\n\n`)).toBe(true);
      expect(text.match(/^## /gm)).toHaveLength(4);
      expect(text.match(/^\d+\. /gm)).toHaveLength(plan.points.length);
      expect(text).toContain('\n\n   a. ');
    });
    for (const v of versions) expect(authors.has(v.authorEmail)).toBe(true);
    expect(new Set([...versions.map((v) => v.text), draftText]).size).toBe(4);
  });
});
