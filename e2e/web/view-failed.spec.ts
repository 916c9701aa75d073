import { expect, test } from '../support/fixtures';

// A view whose code does not arrive (a backend restarted with a newer build, a dropped link): the
// part of the window says so in words, the rest keeps working, and "Reload the window" brings it.
test('a view whose code fails to load says so; the others still work, and a reload brings it', async ({ app }) => {
  const page = app.page;
  await page.route('**/assets/NetworksView-*.js', (route) => route.abort('failed'));
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Networks', exact: true }).click();
  const failed = page.getByTestId('view-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('This part of Wharf could not be shown.');
  await expect(failed.locator('pre')).toContainText(/Failed to fetch|dynamically imported module/i);
  // The rest of the window is untouched: another view opens and shows its list.
  await nav.getByRole('button', { name: 'Containers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await nav.getByRole('button', { name: 'Networks', exact: true }).click();
  await expect(failed).toBeVisible();
  await page.unroute('**/assets/NetworksView-*.js');
  await failed.getByRole('button', { name: 'Reload the window' }).click();
  await page.waitForLoadState('load');
  await nav.getByRole('button', { name: 'Networks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
  await expect(failed).toHaveCount(0);
});
