package org.gridcommand.ui.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.address.AddressBook;
import org.gridcommand.address.AddressMatch;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocateService;
import org.gridcommand.grid.LocationAnswer;

/** Where the hotline form finds a caller: the address register, and the grid and people of a point. */
public record IntakePlaces(AddressBook addresses, LocateService locate) {
    /** How many register matches the form lists under the address field. */
    public static final int MATCHES_SHOWN = 8;

    public IntakePlaces {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(locate, "locate");
    }

    List<AddressMatch> search(String text) {
        return text == null || text.isBlank() ? List.of() : addresses.search(text, MATCHES_SHOWN);
    }

    Optional<StandardAddress> nearest(GeoPoint point) {
        return addresses.nearest(point);
    }

    LocationAnswer locate(GeoPoint point) {
        return locate.locate(point);
    }
}
