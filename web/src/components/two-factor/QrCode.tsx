/**
 * The enrolment QR code, drawn from the server's rows of modules ('1' dark, '0' light) as one
 * SVG path: no script, no inline style, so the strict Content-Security-Policy allows it.
 */

/** Light modules around the code, which scanners need to find its edges. */
const QUIET_ZONE = 4;

/** The path of every dark module, as one-module squares. */
export function qrPath(rows: readonly string[]): string {
  const squares: string[] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (row[x] === '1') squares.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }
  });
  return squares.join('');
}

export function QrCode({ rows, label }: { rows: readonly string[]; label: string }) {
  const size = (rows[0]?.length ?? 0) + 2 * QUIET_ZONE;
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(rows)} fill="#000" />
    </svg>
  );
}
