package io.junction.bench.measure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedRoundsTest {

    @Test
    void reportsTheMediansOfEachSideAndOfTheRatios() {
        PairedRounds rounds = new PairedRounds();
        rounds.add(100, 70);  // 0.70
        rounds.add(200, 100); // 0.50
        rounds.add(110, 99);  // 0.90
        rounds.add(90, 72);   // 0.80
        rounds.add(120, 72);  // 0.60

        assertThat(rounds.rounds()).isEqualTo(5);
        assertThat(rounds.directMedian()).isEqualTo(110);
        assertThat(rounds.junctionMedian()).isEqualTo(72);
        assertThat(rounds.ratioMedian()).isCloseTo(0.70, within(1e-9));
        assertThat(rounds.ratios()).isEqualTo("0.70, 0.50, 0.90, 0.80, 0.60");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndNothingGivesNaN() {
        assertThat(PairedRounds.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(PairedRounds.median(List.of())).isNaN();
        assertThat(PairedRounds.median(List.of(1.0, Double.NaN, 3.0))).isNaN();
    }

    @Test
    void roundsAlternateWhichSideRunsFirstAndKeepEachSidesFigure() throws InterruptedException {
        List<String> order = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            PairedRounds.Round<String> both = PairedRounds.run(round,
                    () -> ran(order, "direct"), () -> ran(order, "junction"));
            assertThat(both).isEqualTo(new PairedRounds.Round<>("direct", "junction"));
        }
        assertThat(order).containsExactly("direct", "junction", "junction", "direct",
                "direct", "junction", "junction", "direct");
    }

    private static String ran(List<String> order, String side) {
        order.add(side);
        return side;
    }
}
