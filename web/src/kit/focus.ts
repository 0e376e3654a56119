/**
 * After a client-side navigation, focus moves to the new page's <h1> so screen-reader users hear
 * where they are. Not on the first load: the browser starts at the top already.
 */
let navigations = 0;

export function noteNavigation(): void {
  navigations += 1;
}

export function shouldFocusHeading(): boolean {
  return navigations > 1;
}
