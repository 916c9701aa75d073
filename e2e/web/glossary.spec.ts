// The glossary's tooltips where the words are used, in Chromium against web mode: in the containers
// view (a column header, and the heading's "?" by keyboard) and in the run dialog (a legend's "?"
// by pointer, a checkbox's "?" by keyboard), in English and in Korean. Each tip shows the term's
// one-line definition, is the word's accessible description, and sits on top, unclipped by the
// table or the dialog.
import { expect } from '@playwright/test';
import { definition, GlossaryTerm, type Lang } from '../pages/glossary-terms';
import type { WharfApp } from '../pages/wharf-app';
import { test } from '../support/fixtures';

const IMAGE = 'wharf-fixture/busybox:1';

async function useLanguage(app: WharfApp, lang: Lang): Promise<void> {
  if (lang === 'ko') await app.setLanguage('한국어');
  await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
}

for (const lang of ['en', 'ko'] as const) {
  test(`containers view: a column header's term and the heading's "?" show their definitions (${lang})`, async ({
    app,
  }) => {
    await useLanguage(app, lang);
    const { page } = app;
    await app.nav(lang === 'ko' ? '컨테이너' : 'Containers').click();
    const table = page.getByRole('table').first();
    await expect(table).toBeVisible();

    // Pointer: the Ports column header.
    const port = new GlossaryTerm(page, table.getByRole('columnheader'), 'port');
    await port.expectOnHover(definition('port', lang));
    // The pointer can move onto the tip (to read it) and the tip stays; away, it goes.
    const box = await (await port.tip()).boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await expect(await port.tip()).toBeVisible();
    await page.mouse.move(640, 700);
    await port.expectHidden();

    // Keyboard: Shift+Tab from the search box reaches the heading's "?", which shows its tip.
    const container = new GlossaryTerm(page, page.getByRole('main'), 'container');
    await expect(container.word).toHaveAccessibleName(lang === 'ko' ? '“컨테이너”이란?' : 'What is “container”?');
    await page.getByRole('searchbox').first().focus();
    await page.keyboard.press('Shift+Tab');
    await expect(container.word).toBeFocused();
    await container.expectShown(definition('container', lang));
    // Escape hides it and leaves the focus where it was.
    await page.keyboard.press('Escape');
    await container.expectHidden();
    await expect(container.word).toBeFocused();
  });

  test(`run dialog: the Ports "?" by pointer and the -d "?" by keyboard show their definitions (${lang})`, async ({
    app,
  }) => {
    await useLanguage(app, lang);
    const { page } = app;
    await app.nav(lang === 'ko' ? '이미지' : 'Images').click();
    await page.getByRole('button', { name: lang === 'ko' ? `${IMAGE} 실행` : `Run ${IMAGE}`, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();

    const port = new GlossaryTerm(page, dialog, 'port');
    await port.expectOnHover(definition('port', lang));
    await page.mouse.move(5, 795);

    // The "?" sits beside the checkbox's label, not inside it: the label still names only the box,
    // and Tab goes from the box to the "?".
    const detached = dialog.getByRole('checkbox', { name: lang === 'ko' ? /^백그라운드/ : /^In the background/ });
    await detached.focus();
    await page.keyboard.press('Tab');
    const term = new GlossaryTerm(page, dialog, 'detached');
    await expect(term.word).toBeFocused();
    await term.expectShown(definition('detached', lang));
    await expect(detached, 'a tap on the "?" leaves the box alone').toBeChecked();
    await term.word.click();
    await expect(detached).toBeChecked();
    await term.expectShown(definition('detached', lang));
    // Escape hides the tip first and keeps the dialog; a second Escape closes the dialog.
    await page.keyboard.press('Escape');
    await term.expectHidden();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
}
