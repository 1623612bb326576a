/** What a member of a process is there to do; a user has one role per process. */
export type Role = 'mediator' | 'delegate' | 'observer' | 'monitor';
export const ROLES: readonly Role[] = ['mediator', 'delegate', 'observer', 'monitor'];

export type PartyKind = 'state' | 'bloc' | 'organisation' | 'armed_group' | 'mediator';
export const PARTY_KINDS: readonly PartyKind[] = ['state', 'bloc', 'organisation', 'armed_group', 'mediator'];
