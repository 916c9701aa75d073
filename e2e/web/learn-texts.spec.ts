// The lessons' texts are not in the first paint (i18n/lessons.<lang>.json load with the Learn
// view): opened in Korean, the lesson cards read in Korean; switched to English without a reload,
// they read in English, and back. Nothing is run on the engine.
import { expect } from '@playwright/test';
import { test } from '../support/fixtures';

test('the Learn view shows the lesson texts in Korean and English, switched without a reload', async ({ app }) => {
  const { page } = app;
  await app.setLanguage('한국어');
  await page.getByRole('navigation').getByRole('button', { name: '배우기', exact: true }).click();
  const ports = page.getByTestId('lesson-card-ports').getByRole('heading');
  await expect(ports).toHaveText('포트: 웹 서버에 접속하기');
  await expect(page.getByTestId('lesson-card-image-container').getByRole('heading')).toHaveText('이미지와 컨테이너');
  await app.setLanguage('English');
  await expect(ports).toHaveText('Ports: reach a web server');
  await app.setLanguage('한국어');
  await expect(ports).toHaveText('포트: 웹 서버에 접속하기');
});
