package org.gridcommand.address;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.gridcommand.geo.GeoPoint;

/**
 * The register as a seat uses it: search by what the caller says, and the address nearest a point clicked on the map.
 * The register is read from the store on first use and again after an import changed it ({@link #invalidate()}).
 */
public final class AddressBook {
    /** A click farther than this from every address names no address (a field, the sea): only the grid is shown. */
    public static final double NEAREST_WITHIN_METRES = 150;

    private final Supplier<List<StandardAddress>> register;
    private volatile Loaded loaded;

    private record Loaded(List<StandardAddress> addresses, AddressSearch search) {
    }

    public AddressBook(Supplier<List<StandardAddress>> register) {
        this.register = Objects.requireNonNull(register, "register");
    }

    public List<AddressMatch> search(String text, int limit) {
        return loaded().search().search(text, limit);
    }

    /** The address nearest the point within {@link #NEAREST_WITHIN_METRES}, preferring a house or POI to a unit. */
    public Optional<StandardAddress> nearest(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        StandardAddress best = null;
        double bestMetres = NEAREST_WITHIN_METRES;
        for (StandardAddress a : loaded().addresses()) {
            if (a.kind() == AddressKind.UNIT || a.kind() == AddressKind.ROAD) {
                continue; // a unit shares its building's point; a road's point is only its middle
            }
            double metres = a.point().distanceMetres(point);
            if (metres < bestMetres) {
                best = a;
                bestMetres = metres;
            }
        }
        return Optional.ofNullable(best);
    }

    public int size() {
        return loaded().addresses().size();
    }

    /** Reads the register again at the next use (an import changed it). */
    public void invalidate() {
        loaded = null;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    List<StandardAddress> all = List.copyOf(register.get());
                    l = new Loaded(all, new AddressSearch(all));
                    loaded = l;
                }
            }
        }
        return l;
    }
}
