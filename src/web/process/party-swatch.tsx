import type { CSSProperties } from 'react';

/** A small square in a party's colour (set through CSSOM, so a strict CSP allows it); decorative. */
export function PartySwatch({ colour }: { colour: string }) {
  const style = { '--swatch': colour } as CSSProperties;
  return <span className="swatch" style={style} aria-hidden="true" />;
}
