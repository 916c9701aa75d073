import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './build-dockerfile';

describe('parseDockerfile', () => {
  it('reads instructions with their lines, joining continued lines and skipping comments', () => {
    const info = parseDockerfile(
      '# syntax\nARG BASE=node:14\nFROM $BASE AS deps\nRUN npm install \\\n  # inside\n  --omit dev\n\nFROM deps\nEXPOSE 3000 53/udp\nARG A B=2 "C"\n',
    );
    expect(info.instructions.map((i) => [i.line, i.keyword, i.args])).toEqual([
      [2, 'ARG', 'BASE=node:14'],
      [3, 'FROM', '$BASE AS deps'],
      [4, 'RUN', 'npm install --omit dev'],
      [8, 'FROM', 'deps'],
      [9, 'EXPOSE', '3000 53/udp'],
      [10, 'ARG', 'A B=2 "C"'],
    ]);
    expect(info.args).toEqual([{ name: 'BASE', value: 'node:14' }, { name: 'A' }, { name: 'B', value: '2' }]);
    expect(info.stages).toEqual(['deps']);
    expect(info.exposes).toEqual(['3000', '53/udp']);
  });

  it('keeps only the last stage’s EXPOSE and takes a backtick escape', () => {
    const info = parseDockerfile('# escape=`\nFROM a AS one\nEXPOSE 80\nFROM b\nRUN x `\n y\nEXPOSE 3000\n');
    expect(info.exposes).toEqual(['3000']);
    expect(info.instructions[3]).toMatchObject({ line: 5, args: 'x y' });
  });
});
