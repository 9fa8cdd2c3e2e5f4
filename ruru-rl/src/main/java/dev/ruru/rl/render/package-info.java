/**
 * Pictures of reinforcement learning: an episode as an animated GIF ({@link dev.ruru.train.plot.AnimatedGif},
 * with CartPole's cart and pole drawn by {@link dev.ruru.rl.render.CartPoleDrawing}) and the return curve
 * of a run with its rolling mean and the environment's solved line ({@link dev.ruru.rl.render.ReturnCurve}).
 */
package dev.ruru.rl.render;
