import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WharfApp } from '../pages/wharf-app';
import { expect, test } from '../support/fixtures';
import { startWharfWeb } from '../support/wharf-web';

/** A unix socket that forwards to the real engine: present or absent at will. */
function socketProxy(path: string): Promise<{ close(): Promise<void> }> {
  const conns = new Set<Socket>();
  const server: Server = createServer((c) => {
    const up = createConnection('/var/run/docker.sock');
    conns.add(c).add(up);
    c.pipe(up).pipe(c);
    const end = (): void => {
      c.destroy();
      up.destroy();
    };
    c.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  return new Promise((ok) =>
    server.listen(path, () =>
      ok({
        close: () =>
          new Promise<void>((done) => {
            conns.forEach((s) => s.destroy());
            server.close(() => done());
          }),
      }),
    ),
  );
}

test('a missing engine is a state the UI shows, and Retry connects once it is there', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-sock-'));
  const sock = join(dir, 'docker.sock');
  const wharf = await startWharfWeb({ env: { DOCKER_HOST: `unix://${sock}` } });
  try {
    const app = new WharfApp(page);
    await app.open(wharf.url, { waitForEngine: false });
    const banner = page.getByRole('region', { name: 'Engine not reachable' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText(sock);
    await expect(app.engineState).toHaveAttribute('data-state', 'unreachable');

    // Wharf retries by itself with a growing delay; bring the engine back while the next
    // automatic retry is still seconds away, so it is the click that connects.
    await expect(banner).toContainText(/Retrying in ([3-9]|\d\d) s/, { timeout: 30_000 });
    const proxy = await socketProxy(sock);
    try {
      await banner.getByRole('button', { name: 'Retry now' }).click();
      await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
      await expect(banner).toBeHidden();
      await expect(app.containers.count).toContainText(/of \d+ containers/);
    } finally {
      await proxy.close();
    }
    // The engine going away again is shown again, and the process is still alive.
    await expect(app.engineState).toHaveAttribute('data-state', /connecting|unreachable/, { timeout: 20_000 });
  } finally {
    await wharf.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('web mode refuses a page without the token, and a WebSocket from another origin', async ({ page, wharf }) => {
  const base = new URL(wharf.url);
  const res = await page.request.get(`${base.origin}/`);
  expect(res.headers()['content-security-policy']).toContain("default-src 'self'");

  await page.goto(`${base.origin}/`);
  // Refused, and said why (issue 14, item 6: it used to say "Lost the connection... Reconnecting").
  await expect(page.getByTestId('token-needed')).toContainText("This address needs Wharf's token.");
  await expect(page.getByTestId('engine-state')).not.toHaveAttribute('data-state', 'ready');

  const status = await page.evaluate(
    async ({ port, token }) => {
      // From this page's own origin, a WebSocket with a wrong token is refused.
      return await new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}x`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      });
    },
    { port: wharf.port, token: wharf.token },
  );
  expect(status).toBe('refused');

  // Another site in the same browser has the right token but the wrong Origin: refused.
  await page.goto('about:blank');
  const foreign = await page.evaluate(
    async (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    `ws://127.0.0.1:${wharf.port}/ws?token=${wharf.token}`,
  );
  expect(foreign).toBe('refused');
});

test('the UI speaks Korean, and remembers the choice', async ({ app }) => {
  await app.setLanguage('한국어');
  await expect(app.nav('컨테이너')).toBeVisible();
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'ko');
  await app.page.reload();
  await expect(app.nav('이미지')).toBeVisible();
  await app.setLanguage('English');
  await expect(app.nav('Containers')).toBeVisible();
});
