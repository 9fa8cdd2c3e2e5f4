package dev.ruru.data.graph;

import dev.ruru.data.DataFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SMILES string (Weininger, 1988; OpenSMILES) as a {@link Molecule}: atoms of the organic subset
 * ({@code B C N O P S F Cl Br I}, lowercase when aromatic) with implicit hydrogens, bracket atoms
 * ({@code [NH+]}, {@code [O-]}, {@code [Co+3]}: isotope, chirality and atom class are read and
 * dropped) with exactly the hydrogens written, bonds {@code - = # :} ({@code / \} count as single;
 * between two aromatic atoms an unwritten bond is aromatic), branches, ring closures ({@code 1},
 * {@code %12}) and {@code .} between disconnected parts. Stereochemistry is dropped: a graph
 * network sees only the bonds. A malformed string is reported with the position and character.
 */
public final class Smiles {
  private static final String ORGANIC = "Cl|Br|B|C|N|O|P|S|F|I|b|c|n|o|p|s";

  private final String text;
  private final String name;
  private final List<String> elements = new ArrayList<>();
  private final List<Integer> charges = new ArrayList<>();
  private final List<Integer> hydrogens = new ArrayList<>();
  private final List<Boolean> aromatic = new ArrayList<>();
  private final List<int[]> bonds = new ArrayList<>();
  private final Map<Integer, int[]> openRings = new HashMap<>();
  private int position;

  private Smiles(String text, String name) {
    this.text = text;
    this.name = name;
  }

  /** The molecule written as {@code smiles}; {@code name} (for messages and the molecule) may be the line it came from. */
  public static Molecule parse(String smiles, String name) {
    Smiles parser = new Smiles(smiles.strip(), name);
    parser.chain();
    if (!parser.openRings.isEmpty()) {
      throw parser.error("ring bond " + parser.openRings.keySet().iterator().next() + " is opened but never closed");
    }
    int[] bondAtoms = new int[2 * parser.bonds.size()];
    int[] orders = new int[parser.bonds.size()];
    for (int k = 0; k < orders.length; k++) {
      bondAtoms[2 * k] = parser.bonds.get(k)[0];
      bondAtoms[2 * k + 1] = parser.bonds.get(k)[1];
      orders[k] = parser.bonds.get(k)[2];
    }
    return Molecule.of(name, parser.elements.toArray(String[]::new), parser.charges.stream().mapToInt(Integer::intValue).toArray(),
        parser.hydrogens.stream().mapToInt(Integer::intValue).toArray(), bondAtoms, orders, Map.of());
  }

  private void chain() {
    Deque<Integer> branches = new ArrayDeque<>();
    int previous = -1;
    int order = 0;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '(' || c == ')') {
        if (c == '(' && previous < 0 || c == ')' && branches.isEmpty()) {
          throw error(c == '(' ? "a branch must follow an atom" : "')' closes no branch");
        }
        previous = c == '(' ? push(branches, previous) : branches.pop();
        position++;
      } else if (c == '.') {
        previous = -1;
        position++;
      } else if ("-=#:/\\".indexOf(c) >= 0) {
        order = "-=#:/\\".indexOf(c) < 3 ? "-=#".indexOf(c) + 1 : c == ':' ? Molecule.AROMATIC : 1;
        position++;
      } else if (Character.isDigit(c) || c == '%') {
        ring(previous, order);
        order = 0;
      } else {
        int atom = c == '[' ? bracketAtom() : organicAtom();
        if (previous >= 0) {
          bond(previous, atom, order);
        }
        previous = atom;
        order = 0;
      }
    }
    if (!branches.isEmpty()) {
      throw error("a branch '(' is never closed");
    }
  }

  private static int push(Deque<Integer> branches, int atom) {
    branches.push(atom);
    return atom;
  }

  private void ring(int atom, int order) {
    if (atom < 0) {
      throw error("a ring bond number must follow an atom");
    }
    int number;
    if (text.charAt(position) == '%') {
      if (position + 3 > text.length() || !text.substring(position + 1, position + 3).matches("\\d\\d")) {
        throw error("'%' must be followed by two digits");
      }
      number = Integer.parseInt(text.substring(position + 1, position + 3));
      position += 3;
    } else {
      number = text.charAt(position++) - '0';
    }
    int[] open = openRings.remove(number);
    if (open == null) {
      openRings.put(number, new int[] {atom, order});
    } else {
      bond(open[0], atom, order != 0 ? order : open[1]);
    }
  }

  private void bond(int a, int b, int order) {
    if (a == b) {
      throw error("an atom cannot bond to itself");
    }
    int written = order != 0 ? order : aromatic.get(a) && aromatic.get(b) ? Molecule.AROMATIC : 1;
    bonds.add(new int[] {a, b, written});
  }

  private int organicAtom() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(ORGANIC).matcher(text).region(position, text.length());
    if (!m.lookingAt()) {
      throw error("expected an atom (B C N O P S F Cl Br I, lowercase when aromatic, or [..]), a bond, a ring number or a branch");
    }
    position = m.end();
    return atom(m.group(), 0, Molecule.IMPLICIT);
  }

  /** {@code [isotope? symbol chirality? H<n>? charge? class?]}. */
  private int bracketAtom() {
    int close = text.indexOf(']', position);
    if (close < 0) {
      throw error("'[' is never closed by ']'");
    }
    String inside = text.substring(position + 1, close);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d*([A-Z][a-z]?|[a-z][a-z]?|\\*)(@*(?:[A-Z]{2}\\d+)?)(H\\d?)?"
        + "([+-]+\\d{0,2})?(:\\d+)?").matcher(inside);
    if (!m.matches()) {
      throw error("bracket atom [" + inside + "] is not [isotope? symbol chirality? H-count? charge? class?], e.g. [NH4+]");
    }
    position = close + 1;
    String h = m.group(3);
    return atom(m.group(1), charge(m.group(4)), h == null ? 0 : h.length() == 1 ? 1 : h.charAt(1) - '0');
  }

  private static int charge(String written) {
    if (written == null) {
      return 0;
    }
    int sign = written.charAt(0) == '+' ? 1 : -1;
    String digits = written.replaceAll("[+-]", "");
    return sign * (digits.isEmpty() ? written.length() : Integer.parseInt(digits));
  }

  private int atom(String symbol, int charge, int hydrogenCount) {
    boolean lower = Character.isLowerCase(symbol.charAt(0));
    elements.add(lower ? Character.toUpperCase(symbol.charAt(0)) + symbol.substring(1) : symbol);
    charges.add(charge);
    hydrogens.add(hydrogenCount);
    aromatic.add(lower);
    return elements.size() - 1;
  }

  private DataFileException error(String problem) {
    char at = position < text.length() ? text.charAt(position) : ' ';
    return new DataFileException("smiles", name, "position " + (position + 1) + " ('" + at + "') of '" + text + "': " + problem);
  }
}
