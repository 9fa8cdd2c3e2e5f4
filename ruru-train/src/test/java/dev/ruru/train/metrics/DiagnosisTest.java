package dev.ruru.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of Diagnosis on curves made to trigger it, with the numbers the report must state. */
class DiagnosisTest {
  /** Epochs from parallel arrays: training loss, validation loss, training accuracy, validation accuracy. */
  private static List<EpochMetrics> curves(double[] trainLoss, double[] validationLoss, double[] trainAccuracy, double[] validationAccuracy) {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int i = 0; i < trainLoss.length; i++) {
      epochs.add(EpochMetrics.of(i + 1, trainLoss[i], trainAccuracy[i], validationLoss[i], validationAccuracy[i], 1, 0.1));
    }
    return epochs;
  }

  @Test void validationLossRisingWhileTrainingLossFallsIsOverfitting() {
    // Validation loss is lowest at epoch 2 (0.40) and ends at 0.50: a rise of 25%; training loss fell from 0.35 to 0.14 (60%).
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {0.50, 0.35, 0.20, 0.14}, new double[] {0.45, 0.40, 0.44, 0.50},
        new double[] {0.80, 0.86, 0.92, 0.95}, new double[] {0.84, 0.86, 0.86, 0.87}));
    assertEquals(Verdict.OVERFITTING, diagnosis.verdict());
    assertEquals("overfitting: validation loss rose 25.0% from 0.4000 at epoch 2 to 0.5000 at epoch 4 while training loss fell"
        + " 60.0% from 0.3500 to 0.1400; epoch 2 generalised best (early stopping would keep it)", diagnosis.summary());
  }

  @Test void aRiseBelowTheThresholdIsNotOverfitting() {
    // 0.40 -> 0.41 is a 2.5% rise, under 5%; accuracies are 3 points apart.
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {0.5, 0.4, 0.35}, new double[] {0.45, 0.40, 0.41},
        new double[] {0.85, 0.88, 0.89}, new double[] {0.84, 0.86, 0.86}));
    assertEquals(Verdict.GOOD_FIT, diagnosis.verdict(), diagnosis.summary());
  }

  @Test void aLargeAccuracyGapIsOverfitting() {
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {0.2}, new double[] {0.6}, new double[] {0.99}, new double[] {0.85}));
    assertEquals(Verdict.OVERFITTING, diagnosis.verdict());
    assertEquals("overfitting: training accuracy 99.00% exceeds validation accuracy 85.00% by 14.0 points (more than 10)", diagnosis.summary());
  }

  @Test void lowTrainingAccuracyIsUnderfitting() {
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {2.1, 1.9}, new double[] {2.0, 1.95}, new double[] {0.30, 0.41},
        new double[] {0.33, 0.40}));
    assertEquals(Verdict.UNDERFITTING, diagnosis.verdict());
    assertTrue(diagnosis.summary().startsWith("underfitting: training accuracy 41.00% is below 70% (training loss 1.9000)"), diagnosis.summary());
  }

  @Test void fallingValidationLossAddsANoteAndNoValidationIsUndetermined() {
    Diagnosis improving = Diagnosis.of(curves(new double[] {0.6, 0.4}, new double[] {0.5, 0.45}, new double[] {0.8, 0.85},
        new double[] {0.8, 0.84}));
    assertEquals(Verdict.GOOD_FIT, improving.verdict());
    assertTrue(improving.details().contains("validation loss is still falling (10.0% in the last epoch): more epochs may help"), improving.details().toString());
    Diagnosis blind = Diagnosis.of(List.of(EpochMetrics.of(1, 0.3, 0.9, Double.NaN, Double.NaN, 1, 0.1)));
    assertEquals(Verdict.UNDETERMINED, blind.verdict());
    assertEquals(Verdict.UNDETERMINED, Diagnosis.of(List.of()).verdict());
  }

  @Test void aLossWorseThanGuessingIsDivergingAndAsksForALowerLearningRate() {
    // What sgd --lr 10 does on Fashion-MNIST: the loss falls from 28.8 to 3.96 but stays above ln 10 = 2.3026, at chance accuracy.
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {28.797, 3.9645}, new double[] {7.07, 6.6189}, new double[] {0.0994, 0.0995},
        new double[] {0.10, 0.10}), 10);
    assertEquals(Verdict.DIVERGING, diagnosis.verdict());
    assertEquals("diverging: training loss 3.9645 is above 2.3026, the loss of guessing all 10 classes equally (ln 10): the steps make"
        + " the model worse; lower the learning rate (by 10x, say) or clip the gradients' norm", diagnosis.summary());
    assertTrue(diagnosis.details().stream().noneMatch(detail -> detail.contains("more epochs")), diagnosis.details().toString());
  }

  @Test void aRisingOrInfiniteTrainingLossIsDiverging() {
    Diagnosis rising = Diagnosis.of(curves(new double[] {0.9, 1.4}, new double[] {1.0, 1.5}, new double[] {0.8, 0.75},
        new double[] {0.8, 0.7}));
    assertEquals("diverging: training loss rose from 0.9000 in epoch 1 to 1.4000 in epoch 2: the steps make the model worse;"
        + " lower the learning rate (by 10x, say) or clip the gradients' norm", rising.summary());
    Diagnosis infinite = Diagnosis.of(curves(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}, new double[] {0.1},
        new double[] {0.1}), 10);
    assertEquals(Verdict.DIVERGING, infinite.verdict());
  }

  @Test void underfittingBelowChanceLossStillSaysUnderfitting() {
    Diagnosis diagnosis = Diagnosis.of(curves(new double[] {2.1, 1.9}, new double[] {2.0, 1.95}, new double[] {0.30, 0.41},
        new double[] {0.33, 0.40}), 10);
    assertEquals(Verdict.UNDERFITTING, diagnosis.verdict());
  }
}
