/**
 * Graph data sets: nodes with feature rows and labels, and the edges between them, as plain arrays
 * ({@link dev.ruru.data.graph.GraphData}). Readers: a graph saved as arrays in an .npz archive
 * ({@link dev.ruru.data.graph.GraphArchive}, the format of the Cora citation graph), an edge list in a
 * CSV file ({@link dev.ruru.data.graph.EdgeListCsv}), Zachary's karate club, embedded
 * ({@link dev.ruru.data.graph.KarateClub}), NetworkX's atlas of small graphs, and molecules from SD
 * files and SMILES ({@link dev.ruru.data.graph.SdfReader}, {@link dev.ruru.data.graph.Smiles}) as
 * graphs with atom and bond features ({@link dev.ruru.data.graph.MoleculeGraph}). Every reader checks
 * that each edge's ends are nodes and that the features have one row per node, and says which value is
 * wrong when not.
 */
package dev.ruru.data.graph;
