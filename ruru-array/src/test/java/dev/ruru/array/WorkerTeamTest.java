package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The team that runs kernels' parts: each part once, failures back to the caller, nesting without deadlock. */
class WorkerTeamTest {
  private final WorkerTeam team = new WorkerTeam(1);

  @AfterEach
  void stopTheTeam() {
    team.shutdown();
  }

  @Test
  void runsEveryPartExactlyOnceOverManyKernels() {
    for (int kernel = 0; kernel < 2_000; kernel++) {
      int parts = 1 + kernel % 5;
      AtomicIntegerArray runs = new AtomicIntegerArray(parts);
      team.run(parts, runs::incrementAndGet);
      for (int p = 0; p < parts; p++) {
        assertEquals(1, runs.get(p), "kernel " + kernel + ", part " + p);
      }
    }
  }

  @Test
  void aWorkerTakesPartsBesideTheCaller() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    // Parts long enough that the spinning worker claims some before the caller has done them all.
    for (int kernel = 0; kernel < 200 && threads.size() < 2; kernel++) {
      team.run(2, p -> {
        threads.add(Thread.currentThread());
        long until = System.nanoTime() + 200_000;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      });
    }
    assertEquals(2, threads.size(), "threads that ran parts: " + threads);
    assertTrue(threads.contains(Thread.currentThread()));
  }

  @Test
  void eachMemberRunsItsOwnPartFirstThenWhatIsLeft() {
    List<Integer> order = new ArrayList<>();
    WorkerTeam.Job job = new WorkerTeam.Job(order::add, 4);
    job.work(2);   // a worker, first to arrive: its own part, then the others in order
    assertEquals(List.of(2, 0, 1, 3), order);
    job.work(0);   // the caller, later: nothing left
    assertEquals(4, order.size());
    List<Integer> late = new ArrayList<>();
    WorkerTeam.Job small = new WorkerTeam.Job(late::add, 2);
    small.work(0);
    small.work(5);   // a member beyond the parts takes whatever is left: nothing
    assertEquals(List.of(0, 1), late);
  }

  @Test
  void theFirstFailureReachesTheCallerAndTheTeamGoesOn() {
    IllegalStateException thrown = new IllegalStateException("part 3 failed");
    AtomicIntegerArray runs = new AtomicIntegerArray(4);
    IllegalStateException caught = assertThrows(IllegalStateException.class, () -> team.run(4, p -> {
      runs.incrementAndGet(p);
      if (p == 3) {
        throw thrown;
      }
    }));
    assertSame(thrown, caught);
    for (int p = 0; p < 4; p++) {
      assertEquals(1, runs.get(p), "every part still ran once: part " + p);
    }
    AtomicIntegerArray again = new AtomicIntegerArray(2);
    team.run(2, again::incrementAndGet);
    assertEquals(1, again.get(0));
    assertEquals(1, again.get(1));
  }

  @Test
  void aKernelInsideAPartRunsItsPartsItself() {
    AtomicIntegerArray inner = new AtomicIntegerArray(6);
    team.run(2, outer -> team.run(3, p -> inner.incrementAndGet(outer * 3 + p)));
    for (int k = 0; k < 6; k++) {
      assertEquals(1, inner.get(k), "inner part " + k);
    }
  }
}
