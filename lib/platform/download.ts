/**
 * Saves text as a file from an extension page: a Blob behind an object URL, clicked through an
 * `<a download>` (no `downloads` permission needed). The URL is revoked later, not at once:
 * Firefox may still be reading it when click() returns.
 */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
