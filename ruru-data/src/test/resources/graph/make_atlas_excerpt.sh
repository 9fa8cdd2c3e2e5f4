#!/bin/sh
# The first 20 graphs (up to 5 nodes) of NetworkX's graph atlas, uncompressed, for GraphAtlasTest.
# Source: Debian's python3-networkx, /usr/lib/python3/dist-packages/networkx/generators/atlas.dat.gz
# (R. C. Read and R. J. Wilson, An Atlas of Graphs, 1998; NetworkX, BSD licence).
zcat /usr/lib/python3/dist-packages/networkx/generators/atlas.dat.gz | awk '/^GRAPH 20$/ {exit} {print}' > atlas_first20.dat
