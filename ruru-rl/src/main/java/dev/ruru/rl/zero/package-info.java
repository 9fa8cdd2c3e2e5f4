/**
 * AlphaZero: a game player that learns from nothing but the rules, by playing itself. A
 * {@link dev.ruru.rl.zero.PolicyValueNet} reads a board and gives a move prior and a value; PUCT search
 * ({@link dev.ruru.rl.search.Puct}) guided by it plays self-play games ({@link dev.ruru.rl.zero.SelfPlay}),
 * whose positions, search visit counts and final results fill a {@link dev.ruru.rl.zero.PositionReplay}; the
 * network learns to predict the visit counts and the results ({@link dev.ruru.rl.zero.PolicyValueObjective},
 * run by the one training loop, {@link dev.ruru.train.Trainer}); and an arena keeps the new network only
 * when it beats the one that played the games ({@link dev.ruru.rl.zero.ZeroTraining}).
 */
package dev.ruru.rl.zero;
