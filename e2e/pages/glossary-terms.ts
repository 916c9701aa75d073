import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'en' | 'ko';

/** A term's one-line definition as the catalogs have it (renderer/features/learn/i18n/<lang>.json). */
export function definition(term: string, lang: Lang): string {
  const file = join(__dirname, '..', '..', 'renderer', 'features', 'learn', 'i18n', `${lang}.json`);
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as { glossary: Record<string, { def: string }> };
  const def = catalog.glossary[term]?.def;
  if (!def) throw new Error(`no glossary.${term}.def in ${lang}`);
  return def;
}

/** A glossary mark (<dfn data-term>) inside `scope`: its button and the tooltip that button names. */
export class GlossaryTerm {
  readonly word: Locator;

  constructor(
    readonly page: Page,
    scope: Locator,
    readonly term: string,
  ) {
    this.word = scope.locator(`[data-term="${term}"]`).getByRole('button');
  }

  /** The tooltip, found through the word's aria-describedby (as assistive technology finds it). */
  async tip(): Promise<Locator> {
    const id = await this.word.getAttribute('aria-describedby');
    expect(id, 'the word names its tooltip').toBeTruthy();
    return this.page.locator(`[id="${id}"]`);
  }

  /** Shows the tip with the pointer and checks it says `def`, fully in view and on top. */
  async expectOnHover(def: string): Promise<void> {
    await this.word.hover();
    await this.expectShown(def);
  }

  async expectShown(def: string): Promise<void> {
    const tip = await this.tip();
    await expect(tip).toBeVisible();
    await expect(tip).toHaveRole('tooltip');
    await expect(tip).toHaveText(def);
    await expect(this.word).toHaveAccessibleDescription(def);
    await expect(this.page.getByRole('tooltip'), 'one tip at a time').toHaveCount(1);
    await expectUnclipped(this.page, tip);
  }

  async expectHidden(): Promise<void> {
    await expect(await this.tip()).toBeHidden();
  }
}

/**
 * The tip is inside the window and nothing covers or clips any part of it: the topmost element at
 * its centre and near each corner is the tip itself (a cell's or a dialog's overflow would show
 * what is under it there instead).
 */
async function expectUnclipped(page: Page, tip: Locator): Promise<void> {
  const box = await tip.boundingBox();
  expect(box, 'the tip has a box').not.toBeNull();
  if (!box) return;
  const view = page.viewportSize() ?? { width: 1280, height: 800 };
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  const points = [
    [box.x + box.width / 2, box.y + box.height / 2],
    [box.x + 3, box.y + 3],
    [box.x + box.width - 3, box.y + 3],
    [box.x + 3, box.y + box.height - 3],
    [box.x + box.width - 3, box.y + box.height - 3],
  ];
  const onTop = await tip.evaluate(
    (el, pts) => pts.map(([x, y]) => el.contains(document.elementFromPoint(x ?? 0, y ?? 0))),
    points,
  );
  expect(onTop, 'the tip is on top at its centre and corners').toEqual(points.map(() => true));
}
