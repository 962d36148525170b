package org.chorusfeed.samples.hub.seed;

import static org.chorusfeed.samples.hub.seed.Line.de;
import static org.chorusfeed.samples.hub.seed.Line.en;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fictional Förde Innovation Network around the Kiel Fjord: its organisations and members, each with a few
 * sentences about their work. Every name, organisation and sentence here is invented for the Chorus demo; links
 * point at example.org and example.com only.
 */
public final class DemoNetwork {
    private DemoNetwork() {
    }

    /**
     * An organisation of the demo network.
     *
     * @param slug    its identifier
     * @param name    its display name
     * @param website its (example) website
     * @param about   one or two sentences for the "Our network" page
     * @param links   pages of its website that its members link to in posts
     */
    public record DemoOrganisation(String slug, String name, URI website, String about, List<URI> links) {
    }

    /**
     * A member of the demo network.
     *
     * @param handle    their handle
     * @param name      their display name
     * @param org       their organisation's slug
     * @param admin     whether they are a hub admin
     * @param bio       a few words about them
     * @param languages the languages they post in
     * @param tags      tags they use, without {@code #}
     * @param lines     what they post about, each used once
     */
    record DemoMember(String handle, String name, String org, boolean admin, String bio, Set<Lang> languages,
            List<String> tags, List<Line> lines) {
    }

    /** The hub itself, whose staff run the network. */
    public static final String HUB = "foerde-hub";

    /** The organisations, the hub first. */
    public static final List<DemoOrganisation> ORGANISATIONS = List.of(
            org(HUB, "Förde Innovation Network", "https://example.org/foerde",
                    "The hub: rooms, a co-working floor, events and help with funding for everyone in the network.",
                    "rooms", "funding", "demo-night", "newsletter"),
            org("werkhaus-lab", "Werkhaus Makerlab", "https://example.org/werkhaus",
                    "A community workshop with laser cutter, CNC mill, electronics benches and sewing machines. "
                            + "Open lab every Saturday.",
                    "open-lab", "machines", "kurse", "workbench-plans"),
            org("kuestensensorik", "Institut für Küstensensorik", "https://example.org/kuestensensorik",
                    "A university institute building low-cost measuring buoys for the Baltic coast, with open data "
                            + "and theses done together with partners.",
                    "buoys", "data", "theses"),
            org("windwerk", "Windwerk Energie", "https://example.com/windwerk",
                    "A green-energy start-up making small wind turbines with second-life batteries for farms and harbours.",
                    "field-test", "faq", "batteries"),
            org("studio-salzwasser", "Studio Salzwasser", "https://example.com/salzwasser",
                    "A design studio for interfaces, products and illustration, mostly for people who build things.",
                    "work", "personas", "icons"));

    /** The members; exactly one is the hub admin. */
    static final List<DemoMember> MEMBERS = List.of(
            member("hannah", "Hannah Petersen", HUB, true,
                    "Coordinates the Förde Innovation Network. Ask me about rooms, events and funding calls.",
                    Set.of(Lang.EN, Lang.DE), List.of("FoerdeNet", "Community"),
                    en("Room 2.04 has new whiteboards and, at last, a projector cable that fits every laptop.").asNotice(),
                    en("The spring call of the state innovation fund is out, and the deadline is in six weeks."),
                    en("Welcome to the three teams who moved onto the co-working floor this week."),
                    en("We are collecting ideas for the next Förde Demo Night; two-minute pitches very welcome."),
                    en("Reminder: the hub closes at 20:00 on Fridays while the heating is being serviced.").asNotice(),
                    de("Der Gemeinschaftsraum ist ab Montag wieder frei, die Malerarbeiten sind fertig.").asNotice(),
                    de("Im Co-Working sind zwei Schreibtische frei geworden, meldet euch gern bei mir.").asNotice(),
                    de("Danke an alle, die beim Netzwerktreffen gestern so offen von ihren Projekten erzählt haben."),
                    de("Kurze Umfrage: Wäre euch ein Treffen am Mittwochmorgen lieber als am Donnerstagabend?")),
            member("jonas", "Jonas Albers", HUB, false,
                    "Organisiert Meetups, Demo-Abende und den Kaffee im Hub.",
                    Set.of(Lang.DE), List.of("Community", "FoerdeNet"),
                    de("Die Kaffeemaschine im Hub ist repariert, der Dank geht an @{peer}.").asNotice(),
                    de("Für das nächste Meetup suchen wir noch zwei kurze Vorträge aus der Runde."),
                    de("Heute Abend grillen wir auf der Terrasse, alle sind willkommen."),
                    de("Die Fotos vom Demo-Abend sind sortiert und liegen im gemeinsamen Ordner.").asNotice(),
                    de("Wer hilft beim Aufbau für Donnerstag? Ab 16 Uhr im Foyer."),
                    de("Neue Regel für die Küche: Wer die letzte Tasse nimmt, startet die Spülmaschine.").asNotice(),
                    de("Das Programm für die Werkstattwoche steht, es gibt noch freie Plätze."),
                    de("Wir probieren ein neues Format aus: Mittagessen mit zufälligen Tischpartnern.")),
            member("mia", "Mia Lorenzen", "werkhaus-lab", false,
                    "Leitet das Werkhaus Makerlab. Lasercutter, CNC-Fräse und zu viele Ideen.",
                    Set.of(Lang.DE), List.of("OpenLab", "Werkstatt", "Prototyping"),
                    de("Der Lasercutter hat eine neue Linse und schneidet wieder sauber durch 6 mm Birke."),
                    de("Am Samstag ist offene Werkstatt, Einweisungen an der CNC-Fräse gibt es ab 10 Uhr."),
                    de("Wir sortieren das Materiallager um, Reststücke Acryl gibt es gegen eine Spende.").asNotice(),
                    de("Heute haben zwölf Schülerinnen ihre ersten Platinen gelötet, und alle leuchten."),
                    de("Die neue Absaugung läuft, endlich kein Staub mehr auf den 3D-Druckern."),
                    de("Danke @{peer} für die Hilfe beim Umzug der Werkbänke."),
                    de("Wir suchen Leute, die einmal im Monat eine Maschineneinweisung geben möchten."),
                    de("Der Bauplan für unsere Werkbänke steht jetzt unter einer offenen Lizenz.")),
            member("tobias", "Tobias Brandt", "werkhaus-lab", false,
                    "Electronics tinkerer, PCB fan, keeper of the soldering stations at Werkhaus.",
                    Set.of(Lang.EN, Lang.DE), List.of("OpenLab", "Elektronik"),
                    en("Rev C of the sensor breakout board is back from the fab, and the footprints are right this time."),
                    en("Soldering station 3 has a fresh tip; please stop using it to remove hot glue.").asNotice(),
                    en("Spent the evening chasing a ground loop that turned out to be a loose USB cable."),
                    en("Wrote down how we flash the ESP32 boards for the coastal buoys."),
                    de("Die Bauteilkisten sind neu beschriftet, Widerstände findet ihr jetzt links oben.").asNotice(),
                    de("Heute Abend Reparaturcafé: Wir schauen uns kaputte Radios und Lampen an."),
                    de("Mit @{peer} den Stromverbrauch der Bojenplatine noch einmal halbiert."),
                    de("Das Oszilloskop ist zurück aus der Kalibrierung und misst wieder richtig.").asNotice()),
            member("selin", "Selin Aydın", "werkhaus-lab", false,
                    "Wearables and e-textiles. Runs the Thursday sewing-machine sessions at Werkhaus.",
                    Set.of(Lang.EN), List.of("OpenLab", "Wearables"),
                    en("The e-textile workshop is full, but I have started a waiting list for the next round."),
                    en("Conductive thread finally arrived, so the glove prototype gets its second finger sensor."),
                    en("The Thursday sewing-machine session moves to the small room upstairs this week.").asNotice(),
                    en("Tested washable battery pockets today; three of four survived the 40° cycle."),
                    en("Looking for offcuts of sailcloth for a bag project, any colour."),
                    en("Pairing with @{peer} on a jacket that lights up when a cyclist signals."),
                    en("Our sewing machines are serviced, and the walking foot is back on the old Pfaff.").asNotice(),
                    en("A visitor asked whether textiles count as hardware. Yes, they do.")),
            member("frieder", "Dr. Frieder Hansen", "kuestensensorik", false,
                    "Forscht zu günstigen Messbojen für die Ostseeküste und betreut Abschlussarbeiten mit Praxispartnern.",
                    Set.of(Lang.DE), List.of("Sensorik", "Ostsee"),
                    de("Die zweite Messboje liegt seit heute vor Falckenstein und sendet alle zehn Minuten."),
                    de("Wir vergeben zwei Masterarbeiten zu günstigen Trübungssensoren, gern mit Praxispartnern."),
                    de("Die Salzgehaltsdaten der letzten Woche sehen trotz des Sturms plausibel aus."),
                    de("Herzlichen Dank an @{peer} für die schnelle Hilfe mit dem Gehäuse."),
                    de("Unser Paper zu stromsparendem Funk in Küstennähe ist angenommen."),
                    de("Ab nächster Woche stehen unsere Labortüren donnerstags für Gäste offen.").asNotice(),
                    de("Die Kalibrierung im Becken hat länger gedauert als geplant, aber es lohnt sich."),
                    de("Wir suchen Leute, die im Herbst beim Einholen der Bojen mit anpacken.")),
            member("amara", "Amara Okafor", "kuestensensorik", false,
                    "PhD researcher: low-power sensor networks for coastal water quality.",
                    Set.of(Lang.EN), List.of("Sensorik", "OpenData", "LoRa"),
                    en("Three weeks of continuous data from the harbour node without a single reset."),
                    en("The new LoRa antenna doubled our range along the fjord."),
                    en("Rewrote the sleep scheduler, and the node now draws 14 µA between readings."),
                    en("Presenting our turbidity results at the institute colloquium on Tuesday."),
                    en("Found algae on the conductivity probe, which explains Friday's strange values."),
                    en("Our open dataset of water temperatures from the inner fjord is online."),
                    en("Huge thanks to @{peer} for reviewing my enclosure drawings."),
                    en("Field day tomorrow, so expect slow replies and lots of photos of buoys.").asNotice()),
            member("lukas", "Lukas Meier", "kuestensensorik", false,
                    "Studentische Hilfskraft am Institut: Datenpipelines und Dashboards.",
                    Set.of(Lang.DE), List.of("OpenData", "Sensorik"),
                    de("Das Dashboard für die Bojendaten lädt jetzt in unter einer Sekunde."),
                    de("Die Datenpipeline schreibt ab heute auch Wellenhöhen mit."),
                    de("Ich habe eine kurze Anleitung zum Export der Messdaten als CSV geschrieben."),
                    de("Mein Skript hat heute Nacht die Ausreißer markiert statt gelöscht, so soll es sein."),
                    de("Suche jemanden, der mir bei der Kartendarstellung über die Schulter schaut."),
                    de("Mit @{peer} die Zeitstempel aller Sensoren auf UTC umgestellt."),
                    de("Die Grafiken für das Kolloquium sind fertig und auch für Farbenblinde lesbar.")),
            member("katrin", "Katrin Vogt", "windwerk", false,
                    "Gründerin von Windwerk. Kleinwindanlagen für Höfe und Häfen.",
                    Set.of(Lang.DE, Lang.EN), List.of("Energie", "Windwerk"),
                    de("Die erste Kleinwindanlage steht auf dem Hof bei Dänischenhagen und dreht sich."),
                    de("Wir haben die Förderzusage für den Feldtest bekommen!"),
                    de("Windwerk sucht eine Werkstudentin oder einen Werkstudenten für Messtechnik."),
                    de("Spannendes Gespräch mit zwei Hafenbetrieben über Windstrom für die Landstromanlage."),
                    en("Pitched Windwerk to a room full of harbour operators this morning and got good questions."),
                    en("Our small-wind FAQ now answers the three questions every farmer asks us."),
                    en("Thanks to @{peer} for the introduction to the energy cooperative in the Probstei."),
                    en("We are looking for a test site with steady westerly wind and a friendly owner.")),
            member("ole", "Ole Johannsen", "windwerk", false,
                    "Maschinenbauer bei Windwerk: Rotorblätter, Lager und Windmessungen.",
                    Set.of(Lang.DE), List.of("Energie", "Prototyping"),
                    de("Neue Rotorblätter aus Flachsfaser gefertigt, deutlich leiser als die alten."),
                    de("Das Lager am Prototyp ist nach 400 Betriebsstunden noch wie neu."),
                    de("Heute Windmessung auf dem Dach: 6 m/s im Mittel, besser als erwartet."),
                    de("Mit @{peer} die Halterung für das Anemometer neu konstruiert."),
                    de("Die Bremse schaltet jetzt auch bei Netzausfall zuverlässig."),
                    de("Wir haben den Mast um zwei Meter verlängert und sehen sofort mehr Ertrag."),
                    de("Wer hat Erfahrung mit Schwingungsmessung an Masten? Ich lade zum Kaffee ein.")),
            member("priya", "Priya Raman", "windwerk", false,
                    "Energy storage at Windwerk: second-life batteries for small wind.",
                    Set.of(Lang.EN), List.of("Energie", "Batteries"),
                    en("Second-life battery pack number two passed its capacity test at 83 percent."),
                    en("Our battery management firmware now balances cells while the turbine is idle."),
                    en("Visited a recycler in Neumünster who sorts old EV modules by health."),
                    en("Ran the storage simulation for a dairy farm: evening milking fully covered by wind."),
                    en("Pairing with @{peer} on the enclosure vents, because batteries hate heat."),
                    en("Looking for a thermal camera to borrow for an afternoon."),
                    en("Wrote up how we test used cells before they go into a pack.")),
            member("lea", "Lea Sommer", "studio-salzwasser", false,
                    "UX-Designerin bei Studio Salzwasser. Macht komplizierte Dinge bedienbar.",
                    Set.of(Lang.DE, Lang.EN), List.of("Design", "UX"),
                    de("Fünf Interviews mit Landwirtinnen zur Windwerk-App geführt und viel gelernt."),
                    de("Unser Prototyp für das Bojen-Dashboard ist klickbar, Feedback sehr willkommen."),
                    de("Heute Barrierefreiheits-Check mit Screenreader: drei Hürden gefunden und behoben."),
                    en("Usability test for the booking screen: four of five people found the button on the first try."),
                    en("Sketching the onboarding for the maker lab's machine booking with @{peer}."),
                    en("Our design critique on Friday is open to anyone with a screen to show."),
                    en("Turned twenty sticky notes into three personas, and they argue with each other nicely.")),
            member("malte", "Malte Krüger", "studio-salzwasser", false,
                    "Produktdesigner. Gehäuse, Griffe und Prototypen aus Holz und Kunststoff.",
                    Set.of(Lang.DE), List.of("Design", "Prototyping"),
                    de("Das neue Bojengehäuse ist aus recyceltem Fischernetz-Kunststoff gedruckt."),
                    de("Griffmodelle für das Messgerät in drei Größen aus Eiche gedrechselt."),
                    de("Mit @{peer} die Dichtung für das Sensorgehäuse überarbeitet."),
                    de("Der erste Spritzgussrohling ist da, und die Wandstärke passt."),
                    de("Eine Kiste Prototypen aus den letzten Jahren aufgeräumt, eine kleine Ausstellung folgt."),
                    de("Heute Farbmuster für die Windwerk-Gondel am Wasser fotografiert."),
                    de("Suche jemanden mit Erfahrung in Rotationsguss für eine kleine Serie.")),
            member("noor", "Noor Haddad", "studio-salzwasser", false,
                    "Illustration and brand work for small companies with big plans.",
                    Set.of(Lang.EN), List.of("Design", "Illustration"),
                    en("The new illustrations for the network's welcome booklet are done."),
                    en("Drew a map of the fjord with every member's workshop on it."),
                    en("Working on a small logo for the repair café, with help from @{peer}."),
                    en("Our studio now has a risograph, and everything is slightly pink."),
                    en("Finished the icon set for the buoy dashboard: waves, wind, salt and sun."),
                    en("Giving a short talk on naming small companies at the next meetup."),
                    en("The poster for Demo Night is at the printer.")),
            member("erik", "Erik Lund", HUB, false,
                    "Helps members find funding programmes and write applications that get read.",
                    Set.of(Lang.EN, Lang.DE), List.of("Funding", "FoerdeNet"),
                    en("The EU call for coastal innovation opens next month; I have summarised it on one page."),
                    en("Office hours for funding questions are Wednesdays 10 to 12 in the hub library.").asNotice(),
                    en("Reviewed four applications this week, and the clearest one was also the shortest."),
                    de("Die Landesförderung für Prototypen wurde um ein Jahr verlängert.").asNotice(),
                    de("Kleiner Tipp für Anträge: zuerst das Problem beschreiben, dann die Lösung."),
                    de("Zwei Mitglieder haben ihren Innovationsgutschein bewilligt bekommen, herzlichen Glückwunsch!"),
                    de("Ich sammle Beispiele für gelungene Kooperationen zwischen Hochschule und Start-ups.")));

    /** The organisation with this slug, if it belongs to the demo network. */
    public static Optional<DemoOrganisation> organisation(String slug) {
        return ORGANISATIONS.stream().filter(o -> o.slug().equals(slug)).findFirst();
    }

    static DemoMember member(String handle) {
        return MEMBERS.stream().filter(m -> m.handle().equals(handle)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo member @" + handle));
    }

    private static DemoOrganisation org(String slug, String name, String website, String about, String... pages) {
        List<URI> links = java.util.Arrays.stream(pages).map(page -> URI.create(website + "/" + page)).toList();
        return new DemoOrganisation(slug, name, URI.create(website), about, links);
    }

    private static DemoMember member(String handle, String name, String org, boolean admin, String bio,
            Set<Lang> languages, List<String> tags, Line... lines) {
        return new DemoMember(handle, name, org, admin, bio, languages, tags, List.of(lines));
    }
}
