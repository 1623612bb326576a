/** What an export says about where the text comes from; the plan content itself stays separate. */
export interface ExportContext {
  processTitle?: string;
  /** "Draft 3", or null for the working draft. */
  versionLabel?: string | null;
  contentHash?: string | null;
  exportedAt: Date;
  /** A line shown in the header/footer, such as "Released to Party X — confidential". */
  marking?: string | null;
}

/** The version label as readers see it; an explicit null means the mutable working draft. */
export function versionText(ctx: ExportContext): string | null {
  if (ctx.versionLabel === null) return 'Working draft';
  return ctx.versionLabel?.trim() || null;
}

/** The first 12 hex digits of the content hash: enough to tell versions apart on paper. */
export function shortHash(ctx: ExportContext): string | null {
  const hash = ctx.contentHash?.trim();
  return hash ? hash.slice(0, 12) : null;
}

/** "Process · Draft 3 · Released to …" for a subtitle line; null when there is nothing to say. */
export function metaLine(ctx: ExportContext): string | null {
  const parts = [ctx.processTitle?.trim(), versionText(ctx), ctx.marking?.trim()].filter(
    (p): p is string => !!p,
  );
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** "Draft 3 · sha256 0a1b2c3d4e5f" for a footer; null when neither is known. */
export function versionStamp(ctx: ExportContext): string | null {
  const hash = shortHash(ctx);
  const parts = [versionText(ctx), hash ? `sha256 ${hash}` : null].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : null;
}
