package dev.ruru.rl.zero;

import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.Tally;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import java.util.List;
import java.util.SplittableRandom;

/**
 * AlphaGo Zero's training loop, one {@link #iterate()} at a time: the best network plays
 * {@link ZeroConfig#gamesPerIteration()} self-play games into the replay buffer; the candidate network
 * trains on batches drawn from it for one {@link Trainer} epoch of {@link ZeroConfig#stepsPerIteration()}
 * steps of the {@link PolicyValueObjective}; then the candidate plays the best in an arena and replaces
 * it when it wins at least {@link ZeroConfig#acceptRatio()} of the decisive games (the candidate keeps
 * training either way). Everything random comes from the seed, so a run repeats exactly on one thread.
 */
public final class ZeroTraining {
  /** Arena games sample their first two moves from the visits, so that the games differ. */
  private static final int ARENA_SAMPLED_PLIES = 2;

  private final ZeroConfig config;
  private final PolicyValueNet best;
  private final PolicyValueNet candidate;
  private final PositionReplay replay;
  private final Trainer trainer;
  private final SplittableRandom selfPlayRandom;
  private final SplittableRandom arenaRandom;
  private int iteration;

  public ZeroTraining(ZeroConfig config) {
    this.config = config;
    SplittableRandom root = new SplittableRandom(config.seed());
    this.best = new PolicyValueNet(config.game(), config.hidden(), root.split());
    this.candidate = new PolicyValueNet(config.game(), config.hidden(), root.split());
    candidate.loadStateDict(best.stateDict());
    this.selfPlayRandom = root.split();
    this.arenaRandom = root.split();
    this.replay = new PositionReplay(config.replayCapacity());
    Objective objective = new PolicyValueObjective(candidate,
        new Adam(candidate.parameters(), AdamConfig.adam(config.learningRate()).withWeightDecay(config.weightDecay())));
    this.trainer = Trainer.builder(objective).seed(config.seed()).quiet().build();
  }

  public ZeroConfig config() { return config; }
  /** The network that plays the self-play games: the last candidate to win its arena. */
  public PolicyValueNet best() { return best; }
  /** The network being trained. */
  public PolicyValueNet candidate() { return candidate; }
  public PositionReplay replay() { return replay; }

  /** Runs one iteration: self-play, training, arena. */
  public IterationReport iterate() {
    long start = System.nanoTime();
    iteration++;
    int added = 0;
    for (int game = 0; game < config.gamesPerIteration(); game++) {
      List<Example> examples = SelfPlay.play(best, config, selfPlayRandom);
      examples.forEach(replay::add);
      added += examples.size();
    }
    var history = trainer.fit(replay.sampler(config.stepsPerIteration(), config.batchSize(), config.seed()), null, iteration);
    ArenaResult arena = null;
    boolean accepted = true;
    if (config.arenaGames() > 0) {
      arena = Arena.match(config.game(), new ZeroPlayer("new", candidate, config.simulations(), ARENA_SAMPLED_PLIES, arenaRandom),
          new ZeroPlayer("best", best, config.simulations(), ARENA_SAMPLED_PLIES, arenaRandom), config.arenaGames());
      accepted = accepts(arena.total(), config.acceptRatio());
    }
    if (accepted) {
      best.loadStateDict(candidate.stateDict());
    }
    return new IterationReport(iteration, added, replay.size(), history.last().train(), arena, accepted, (System.nanoTime() - start) / 1e9);
  }

  /** Whether a tally of the candidate's games earns it the place of the best: enough of the decisive games won (all draws do not). */
  static boolean accepts(Tally tally, double ratio) {
    int decisive = tally.wins() + tally.losses();
    return decisive > 0 && tally.wins() >= ratio * decisive;
  }
}
