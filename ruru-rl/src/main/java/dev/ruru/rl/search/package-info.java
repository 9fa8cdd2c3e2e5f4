/**
 * Tree search for game playing. Monte Carlo tree search grows a tree from the position to move, one
 * simulation at a time: select a path by a bandit rule, add a node, evaluate it, and back the value up
 * the path; the most visited move is played. {@link dev.ruru.rl.search.Uct} is the plain form (UCB1
 * selection, evaluation by a random game to the end); {@link dev.ruru.rl.search.Puct} is AlphaZero's
 * (selection guided by a policy's prior, evaluation by a value estimate, both from an
 * {@link dev.ruru.rl.search.Evaluator}, usually a network).
 */
package dev.ruru.rl.search;
