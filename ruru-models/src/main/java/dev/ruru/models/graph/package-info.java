/**
 * Graph networks as a model family, {@code ruru train --model gcn|gat|sage|gin --graph FILE|DIR}: a
 * two-layer {@link dev.ruru.models.graph.GraphNetwork} with each paper's hyper-parameters
 * ({@link dev.ruru.models.graph.GraphModel}), the {@link dev.ruru.models.graph.NodeClassification}
 * objective (a labelled subset of the nodes, the rest of the graph still passing messages) trained by
 * the one {@link dev.ruru.train.Trainer}, and {@link dev.ruru.models.graph.GraphRun}, which writes
 * metrics.json, the learning curves and two pictures: the graph drawn by a force-directed layout
 * coloured by true and predicted class, and the learned node codes in 2-D.
 */
package dev.ruru.models.graph;
