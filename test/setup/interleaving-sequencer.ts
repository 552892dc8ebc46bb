import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Browser test files are the longest and mostly wait on Chromium and their server, so they run beside
 * the unit and integration files rather than as a block at the end: one browser file, then two others,
 * and so on, so that about one browser runs at a time next to in-process tests.
 */
export class InterleavingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((file) => file.project.name === 'browser');
    const others = sorted.filter((file) => file.project.name !== 'browser');
    const interleaved: TestSpecification[] = [];
    while (browser.length > 0 || others.length > 0) {
      const next = browser.shift();
      if (next) interleaved.push(next);
      interleaved.push(...others.splice(0, 2));
    }
    return interleaved;
  }
}
