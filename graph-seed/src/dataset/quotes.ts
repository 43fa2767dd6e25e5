/**
 * Verbatim quote checks. A quote must be an exact substring of its source
 * document; when it is not, the message says how it differs so that the fix is
 * obvious (typographic quote marks, spacing, case, a wrong source, or where
 * the text stops matching).
 */

const TYPOGRAPHIC: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '–': '-',
  '—': '-',
  '‑': '-',
  '…': '...',
};

function plainPunctuation(text: string): string {
  return text.replace(/[‘’‚′“”„″–—‑…]/g, (ch) => TYPOGRAPHIC[ch] ?? ch);
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function snippet(text: string, max = 30): string {
  const flat = text.replace(/\n/g, '⏎');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Length of the longest prefix of `quote` that occurs somewhere in `doc`. */
function longestMatchingPrefix(quote: string, doc: string): number {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Explains why `quote` is not in `doc`; `others` are the other documents, by source id. */
export function explainMissingQuote(quote: string, doc: string, others: ReadonlyMap<string, string>): string {
  for (const [id, other] of others) {
    if (other.includes(quote)) return `it appears verbatim in ${id}: cite that source instead`;
  }
  const punct = plainPunctuation(doc).includes(plainPunctuation(quote));
  const space = collapseSpace(doc).includes(collapseSpace(quote));
  if (punct && !space) {
    return 'it differs only in quote marks, apostrophes, dashes or ellipses: copy them exactly from the document (e.g. ’ “ ” – …)';
  }
  if (space && !punct) return 'it differs only in spacing or line breaks: copy the passage exactly, including where words run together';
  const both = collapseSpace(plainPunctuation(doc)).includes(collapseSpace(plainPunctuation(quote)));
  if (both) return 'it differs in punctuation marks and spacing: copy the passage exactly from the document';
  if (
    collapseSpace(plainPunctuation(doc))
      .toLowerCase()
      .includes(collapseSpace(plainPunctuation(quote)).toLowerCase())
  ) {
    return 'it differs in upper/lower case: copy the passage exactly from the document';
  }
  const prefix = longestMatchingPrefix(quote, doc);
  if (prefix < Math.min(12, quote.length)) {
    return 'no passage of the document starts like this quote: check that the source is the right one and that the text is copied, not paraphrased';
  }
  const matched = quote.slice(0, prefix);
  const at = doc.indexOf(matched) + prefix;
  return `the first ${prefix} characters match (…“${snippet(matched.slice(-20), 20)}”), then the quote has “${snippet(
    quote.slice(prefix),
  )}” where the document has “${snippet(doc.slice(at))}”: check spacing and punctuation`;
}
