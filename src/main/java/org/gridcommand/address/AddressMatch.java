package org.gridcommand.address;

/**
 * An address the search found, with how well it matches the words typed: 1.0 for every word found and nothing
 * more in the address, less for words found only in part (a house number's first digits, a few characters of a
 * compound's name) or for an address that says more than was asked (a building when its house was meant).
 */
public record AddressMatch(StandardAddress address, double score) {
    /** The score as a whole percentage, for a list a person reads. */
    public int percent() {
        return (int) Math.round(score * 100);
    }
}
