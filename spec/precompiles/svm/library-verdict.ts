/**
 * The audited libraries answer "invalid" two ways: by returning false, or by throwing on an encoding
 * they refuse (a point off the curve, a non-canonical scalar). Rule V of docs/extensions.md makes
 * both the zero word, so a verifier's library call goes through here.
 */
export function holds(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
