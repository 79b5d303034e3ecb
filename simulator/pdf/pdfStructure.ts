/**
 * A structural check of a PDF as written by pdfWriter: header, cross-reference table offsets,
 * trailer size, startxref and stream lengths. Returns the problems found (empty when well-formed).
 * Used by tests, so that a broken xref is caught before pdf.js has to "repair" it.
 */

export const checkPdfStructure = (bytes: Uint8Array): string[] => {
  const text = Buffer.from(bytes).toString('latin1');
  const problems: string[] = [];
  if (!text.startsWith('%PDF-1.')) problems.push('missing %PDF header');
  if (!text.endsWith('%%EOF\n')) problems.push('missing %%EOF');
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  if (startxref === null) return [...problems, 'missing startxref'];
  const xrefAt = Number(startxref[1]);
  if (!text.startsWith('xref\n', xrefAt)) return [...problems, `startxref ${xrefAt} does not point at xref`];
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (header === null) return [...problems, 'malformed xref header'];
  const size = Number(header[1]);
  const entriesAt = xrefAt + header[0].length;
  for (let i = 0; i < size; i++) {
    const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
    const match = /^(\d{10}) (\d{5}) ([nf]) \n$/.exec(entry);
    if (match === null) {
      problems.push(`xref entry ${i} is not 20 bytes of "oooooooooo ggggg n \\n"`);
      continue;
    }
    if (i === 0) continue;
    const offset = Number(match[1]);
    if (!text.startsWith(`${i} 0 obj\n`, offset)) problems.push(`object ${i} is not at offset ${offset}`);
  }
  const trailer = /trailer\n<< \/Size (\d+) /.exec(text.slice(entriesAt + size * 20));
  if (trailer === null || Number(trailer[1]) !== size) problems.push('trailer /Size does not match the xref');
  for (const stream of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = stream.index + stream[0].length;
    const length = Number(stream[1]);
    if (!text.startsWith('\nendstream', start + length))
      problems.push(`stream at ${stream.index} has a wrong /Length`);
  }
  return problems;
};
