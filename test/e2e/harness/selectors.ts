/** The shadow host of the overlay: part of the documented test contract. */
export const HOST = 'wati-token-guard';
/** Selector for an element inside the overlay's (open) shadow root. */
export const ui = (testid: string, extra = '') => `${HOST} >>> [data-testid="${testid}"]${extra}`;
