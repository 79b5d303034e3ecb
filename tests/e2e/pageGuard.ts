import { afterEach } from 'vitest';
import { takePageProblems } from './browser';

// Every end-to-end test fails on an uncaught error or a console error in any page it opened,
// workers included, unless the test allowed that very message (allowPageProblems).
afterEach(() => {
  const problems = takePageProblems();
  if (problems.length > 0) {
    throw new Error(`The page reported ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
});
