package dev.ruru.rl.zero;

import dev.ruru.array.NDArray;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.Tally;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * AlphaGo Zero's training loop, one {@link #iterate()} at a time: the best network plays
 * {@link ZeroConfig#gamesPerIteration()} self-play games into the replay buffer; the candidate network
 * trains on batches drawn from it for one {@link Trainer} epoch of {@link ZeroConfig#stepsPerIteration()}
 * steps of the {@link PolicyValueObjective}; then the candidate plays the best in an arena and replaces
 * it when it wins at least {@link ZeroConfig#acceptRatio()} of the decisive games (the candidate keeps
 * training either way). Everything random comes from the seed, so a run repeats exactly on one thread;
 * {@link #checkpoint()} holds both networks, Adam, the replay and the generators, so a run resumed from
 * it ({@link #resume}) ends with the very networks of one that was never interrupted.
 */
public final class ZeroTraining {
  /** Arena games sample their first two moves from the visits, so that the games differ. */
  private static final int ARENA_SAMPLED_PLIES = 2;
  private static final String BEST = "best";
  private static final String REPLAY = "replay";
  private static final String SETTINGS = "zero.config";

  private final ZeroConfig config;
  private final PolicyValueNet best;
  private final PolicyValueNet candidate;
  private final PositionReplay replay;
  private final Trainer trainer;
  private final ResumableRandom selfPlayRandom;
  private final ResumableRandom arenaRandom;
  private int iteration;

  public ZeroTraining(ZeroConfig config) {
    this.config = config;
    SplittableRandom root = new SplittableRandom(config.seed());
    this.best = new PolicyValueNet(config.game(), config.hidden(), config.blocks(), root.split());
    this.candidate = new PolicyValueNet(config.game(), config.hidden(), config.blocks(), root.split());
    candidate.loadStateDict(best.stateDict());
    this.selfPlayRandom = new ResumableRandom(root.nextLong());
    this.arenaRandom = new ResumableRandom(root.nextLong());
    this.replay = new PositionReplay(config.replayCapacity());
    Objective objective = new PolicyValueObjective(candidate,
        new Adam(candidate.parameters(), AdamConfig.adam(config.learningRate()).withWeightDecay(config.weightDecay())),
        Map.of("self_play", selfPlayRandom, "arena", arenaRandom));
    this.trainer = Trainer.builder(objective).seed(config.seed()).quiet().build();
  }

  public ZeroConfig config() { return config; }
  /** The network that plays the self-play games: the last candidate to win its arena. */
  public PolicyValueNet best() { return best; }
  /** The network being trained. */
  public PolicyValueNet candidate() { return candidate; }
  public PositionReplay replay() { return replay; }
  /** Iterations done. */
  public int iteration() { return iteration; }

  /**
   * Everything needed to continue exactly after the last iteration: the trainer's checkpoint (the
   * candidate as {@code model}, Adam, the generators, the history) plus the best network ({@code best})
   * and the replay's examples ({@code replay}) as further groups of arrays, and the settings.
   */
  public Checkpoint checkpoint() {
    Checkpoint trained = trainer.checkpoint();
    Map<String, Map<String, NDArray>> models = new LinkedHashMap<>(trained.models());
    models.put(BEST, best.stateDict());
    models.put(REPLAY, replay.saveState());
    return new Checkpoint(trained.epoch(), trained.seed(), trained.randomStates(), models, trained.optimizers(), trained.history(),
        trained.steps(), Map.of(SETTINGS, config.toString()));
  }

  /** Continues from {@link #checkpoint()} of a run with the same settings. */
  public void resume(Checkpoint checkpoint) {
    String saved = checkpoint.extra().get(SETTINGS);
    if (saved == null || !saved.equals(config.toString()) || !checkpoint.models().containsKey(BEST) || !checkpoint.models().containsKey(REPLAY)) {
      throw new IllegalArgumentException("ZeroTraining.resume: the checkpoint was written by " + (saved == null ? "another program" : saved)
          + ", not by a self-play run with " + config + "; resume with the same game, settings and seed");
    }
    Map<String, Map<String, NDArray>> models = new LinkedHashMap<>(checkpoint.models());
    best.loadStateDict(models.remove(BEST));
    replay.restoreState(models.remove(REPLAY));
    trainer.resume(new Checkpoint(checkpoint.epoch(), checkpoint.seed(), checkpoint.randomStates(), models, checkpoint.optimizers(),
        checkpoint.history(), checkpoint.steps(), Map.of()));
    iteration = checkpoint.epoch();
  }

  /** Runs one iteration: self-play, training, arena. */
  public IterationReport iterate() {
    long start = System.nanoTime();
    iteration++;
    List<Example> examples = SelfPlay.play(best, config, selfPlayRandom, config.gamesPerIteration());
    examples.forEach(replay::add);
    int added = examples.size();
    var history = trainer.fit(replay.sampler(config.stepsPerIteration(), config.batchSize(), config.seed()), null, iteration);
    ArenaResult arena = null;
    boolean accepted = true;
    if (config.arenaGames() > 0) {
      arena = Arena.match(config.game(), new ZeroPlayer("new", candidate, config.simulations(), ARENA_SAMPLED_PLIES, arenaRandom, config.leafBatch()),
          new ZeroPlayer("best", best, config.simulations(), ARENA_SAMPLED_PLIES, arenaRandom, config.leafBatch()), config.arenaGames());
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
