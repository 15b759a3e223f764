/**
 * The lines the leading worker and the command's thread share (cli/exports/line-claims.ts):
 * however their claims interleave, every line is read once, the front never passes the lines the
 * leading worker has nor the limit, and the meeting point splits the lines between the two.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineClaims } from '../../../cli/exports/line-claims';

describe('lines claimed from both ends', () => {
  it('are each claimed once, front below back, whatever the order of the claims', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.constantFrom('front', 'back', 'limit'), { maxLength: 80 }),
        (total, frontLimit, order) => {
          const claims = new LineClaims(LineClaims.share());
          // Another view on the same memory, as the worker has it.
          const worker = new LineClaims(claims.shared);
          const owner = new Array<string | undefined>(total).fill(undefined);
          const take = (claim: readonly [number, number] | null, who: string) => {
            if (!claim) return false;
            for (let i = claim[0]; i < claim[1]; i++) {
              expect(owner[i]).toBeUndefined();
              owner[i] = who;
            }
            return true;
          };
          let limited = false;
          for (const step of order) {
            if (step === 'limit') {
              claims.limit(total);
              limited = true;
            } else if (step === 'front') take(worker.fromFront(Math.min(frontLimit, limited ? total : frontLimit)), 'front');
            else take(claims.fromBack(total), 'back');
          }
          claims.limit(total);
          while (take(worker.fromFront(frontLimit), 'front') || take(claims.fromBack(total), 'back'));
          const met = claims.meeting;
          if (met <= total) {
            // Everything read: the front's lines before the meeting point, the back's after.
            expect(owner.every((who, i) => who === (i < met ? 'front' : 'back'))).toBe(true);
          } else {
            // The front went past the lines shared before they were limited: the caller sees it and reads the ordinary way.
            expect(frontLimit).toBeGreaterThan(total);
          }
          expect(met).toBeLessThanOrEqual(Math.max(frontLimit, 0));
        },
      ),
      { seed: 20261128, numRuns: 1000 },
    );
  });
});
