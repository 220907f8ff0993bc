/** A number as a reader wants to see it in a grid: integers exact, others to 3 decimals, −0 as 0. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0) || value === 0) return '0';
  if (Number.isInteger(value)) return String(value).replace('-', '−');
  const rounded = Number(value.toFixed(3));
  return String(rounded).replace('-', '−');
}
