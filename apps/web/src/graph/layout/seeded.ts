/**
 * Layouts that give the same picture for the same input. fcose (and cose-base under it) draw their random start
 * from Math.random; while a layout computes (synchronously: fcose runs to the end inside `run()`, the animation
 * only replays the result) Math.random is a PRNG seeded from the entities being laid out, then put back.
 */

export { mulberry32, seedOf, withSeededRandom } from '@steppe/domain';
