#!/bin/sh
# The first three records of rdkit-data's NCI SD file (apt-get install rdkit-data), with the SMILES and
# TPSA lines of the same three molecules, for SdfReader's and Smiles's tests.
awk '{print} /^\$\$\$\$/ {if (++n == 3) exit}' /usr/share/RDKit/Data/NCI/first_200.props.sdf > nci_first3.sdf
head -4 /usr/share/RDKit/Data/NCI/first_200.tpsa.csv > nci_first3.tpsa.csv
