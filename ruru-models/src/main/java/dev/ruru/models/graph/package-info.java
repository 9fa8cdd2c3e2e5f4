/**
 * Graph networks as a model family, {@code ruru train --model gcn|gat|sage|gin --graph FILE|DIR}: a
 * two-layer {@link dev.ruru.models.graph.GraphNetwork} with each paper's hyper-parameters
 * ({@link dev.ruru.models.graph.GraphModel}), the {@link dev.ruru.models.graph.NodeClassification}
 * objective (a labelled subset of the nodes, the rest of the graph still passing messages) trained by
 * the one {@link dev.ruru.train.Trainer}, and {@link dev.ruru.models.graph.GraphRun}, which writes
 * metrics.json, the learning curves and two pictures: the graph drawn by a force-directed layout
 * coloured by true and predicted class, and the learned node codes in 2-D. A large graph trains in
 * minibatches of sampled neighbourhoods ({@link dev.ruru.models.graph.GraphRun#sampled}). Whole graphs:
 * {@link dev.ruru.models.graph.GraphClassificationRun} (the atlas: has a triangle, is bipartite) and
 * {@link dev.ruru.models.graph.MoleculeRun} (a molecule's polar surface area by
 * {@link dev.ruru.models.graph.GraphRegression}, a ligand's activity class), both with a GIN
 * {@link dev.ruru.models.graph.GraphClassifier}.
 */
package dev.ruru.models.graph;
