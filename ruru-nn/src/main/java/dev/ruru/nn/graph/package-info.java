/**
 * Graph neural networks: layers that learn on a {@link dev.ruru.nn.graph.Graph} (nodes with feature
 * rows, and directed edges along which messages flow) rather than on a grid. Each layer is its
 * equations on the autodiff operations of {@link dev.ruru.autodiff.MessagePassing}: gather the
 * sources' rows along the edges, transform them, and reduce them at the targets (GCN's normalised
 * sparse product, GraphSAGE's mean or max, GAT's attention softmax, GIN's sum). Whole-graph outputs
 * come from {@link dev.ruru.nn.graph.GlobalPooling}, and a {@link dev.ruru.nn.graph.GraphBatch} joins
 * many small graphs into one block-diagonal graph, so a batch is one forward pass; a
 * {@link dev.ruru.nn.graph.NeighbourSampler} cuts a graph too large for one pass into minibatches of
 * sampled neighbourhoods (GraphSAGE).
 */
package dev.ruru.nn.graph;
