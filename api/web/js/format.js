// Swiss formats: CHF 1'234.50 and 31.05.2027, whatever the language.

/** "CHF 1'234.50" for 1234.5; "–" for null. */
export function chf(amount) {
  if (amount === null || amount === undefined) return '–';
  const negative = amount < 0;
  const rappen = Math.round(Math.abs(amount) * 100);
  const francs = Math.floor(rappen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  const cents = String(rappen % 100).padStart(2, '0');
  return `CHF ${negative ? '-' : ''}${francs}.${cents}`;
}

/** "1'188" for 1188. */
export function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
}

/** "31.05.2027" for "2027-05-31". */
export function date(iso) {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** "31.05.2027 14:03" for an ISO timestamp, in local time. */
export function timestamp(iso) {
  if (!iso) return '–';
  const t = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(t.getDate())}.${two(t.getMonth() + 1)}.${t.getFullYear()} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

/** "01.03.2027 – 30.06.2027". */
export function period(from, to) {
  return `${date(from)} – ${date(to)}`;
}

/** Days since 1970-01-01 of an ISO date (UTC, no time zone surprises). */
export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}
