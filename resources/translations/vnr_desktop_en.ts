<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name>Accessibility</name>
    <message>
        <source>Tøm feltet {0}</source>
        <translation>Clear the field {0}</translation>
    </message>
    <message>
        <source>Valg for {0}</source>
        <translation>Choices for {0}</translation>
    </message>
    <message>
        <source>Kolonneoverskrifter</source>
        <translation>Column headers</translation>
    </message>
    <message>
        <source>Velg alle rader</source>
        <translation>Select all rows</translation>
    </message>
</context>
<context>
    <name>CardStudio</name>
    <message>
        <source>Kortstudio</source>
        <translation>Card studio</translation>
    </message>
    <message>
        <source>Kort</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Utskrift på ark</source>
        <translation>Printing on sheets</translation>
    </message>
    <message>
        <source>Ett kort per side</source>
        <translation>One card per page</translation>
    </message>
    <message>
        <source>Flere kort på A4 med skjæremerker</source>
        <translation>Several cards on A4 with crop marks</translation>
    </message>
    <message>
        <source>Ark</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Tosidig utskrift</source>
        <translation>Double-sided printing</translation>
    </message>
    <message>
        <source>Vend på langsiden</source>
        <translation>Flip on the long edge</translation>
    </message>
    <message>
        <source>Vend på kortsiden</source>
        <translation>Flip on the short edge</translation>
    </message>
    <message>
        <source>Tosidig</source>
        <translation>Double-sided</translation>
    </message>
    <message>
        <source>Språk på kortet</source>
        <translation>Language on the card</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Ta med egne kontakter</source>
        <translation>Include own contacts</translation>
    </message>
    <message>
        <source>Ta med egne kontakter på kortet</source>
        <translation>Include your own contacts on the card</translation>
    </message>
    <message>
        <source>10 lommekort på A4, felles skjærelinjer (ID-1)</source>
        <translation>10 pocket cards on A4, shared cut lines (ID-1)</translation>
    </message>
    <message>
        <source>Flere kort på A3 med skjæremerker</source>
        <translation>Several cards on A3 with crop marks</translation>
    </message>
    <message>
        <source>PDF for trykkeri (PDF/X, CMYK)</source>
        <translation>PDF for a print shop (PDF/X, CMYK)</translation>
    </message>
    <message>
        <source>Lag PDF for trykkeri</source>
        <translation>Make a PDF for a print shop</translation>
    </message>
    <message>
        <source>PDF/X-1a i CMYK med fargeprofil (FOGRA39): tekst og QR-kode i ren svart. For trykkerier; vanlige skrivere trenger det ikke.</source>
        <translation>PDF/X-1a in CMYK with a colour profile (FOGRA39): text and QR code in pure black. For print shops; office printers do not need it.</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Skriv ut kortet</source>
        <translation>Print the card</translation>
    </message>
    <message>
        <source>Lagre PDF …</source>
        <translation>Save PDF …</translation>
    </message>
    <message>
        <source>Lagre kortet som PDF</source>
        <translation>Save the card as PDF</translation>
    </message>
    <message>
        <source>Forhåndsvis utskrift …</source>
        <translation>Print preview …</translation>
    </message>
    <message>
        <source>Vis hvordan utskriften blir på arket</source>
        <translation>Show how the print will look on the paper</translation>
    </message>
    <message>
        <source>Alle kort for regionen</source>
        <translation>All cards for the region</translation>
    </message>
    <message>
        <source>Skriv ut alle …</source>
        <translation>Print all …</translation>
    </message>
    <message>
        <source>Skriv ut alle kort for regionen</source>
        <translation>Print all cards for the region</translation>
    </message>
    <message>
        <source>Lagre alle som PDF …</source>
        <translation>Save all as PDF …</translation>
    </message>
    <message>
        <source>Lagre alle kort for regionen som PDF i en mappe</source>
        <translation>Save all cards for the region as PDF in a folder</translation>
    </message>
    <message>
        <source>Testside for tosidig utskrift …</source>
        <translation>Double-sided test page …</translation>
    </message>
    <message>
        <source>Skriv ut en testside som måler hvor mye skriveren forskyver baksiden</source>
        <translation>Print a test page that measures how far the printer shifts the back</translation>
    </message>
    <message>
        <source>Fremdrift for alle kort</source>
        <translation>Progress for all cards</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryt utskriften</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Lommekort, 85,6 × 53,98 mm (ID-1)</source>
        <translation>Pocket card, 85.6 × 53.98 mm (ID-1)</translation>
    </message>
    <message>
        <source>Kort A7, 74 × 105 mm</source>
        <translation>Card A7, 74 × 105 mm</translation>
    </message>
    <message>
        <source>A6 brettet til A7 (fire felt)</source>
        <translation>A6 folded to A7 (four panels)</translation>
    </message>
    <message>
        <source>Plakat A4</source>
        <translation>Poster A4</translation>
    </message>
    <message>
        <source>Plakat A3</source>
        <translation>Poster A3</translation>
    </message>
    <message>
        <source>Du har ingen egne kontakter. Legg dem inn under Egne kontakter.</source>
        <translation>You have no own contacts. Add them under Own contacts.</translation>
    </message>
    <message>
        <source>Dine egne kontakter skrives under en egen overskrift, «Egne numre (lagt inn av deg)», adskilt fra numrene fra innholdet.</source>
        <translation>Your own contacts are printed under a heading of their own, “Your own numbers (added by you)”, apart from the numbers from the content.</translation>
    </message>
    <message>
        <source>Lager forhåndsvisning …</source>
        <translation>Making the preview …</translation>
    </message>
    <message>
        <source>{0} · {1} · innhold {2}</source>
        <translation>{0} · {1} · content {2}</translation>
    </message>
    <message>
        <source>kortet finnes bare på {0}</source>
        <translation>the card exists only in {0}</translation>
    </message>
    <message>
        <source>Forside</source>
        <translation>Front</translation>
    </message>
    <message>
        <source>Bakside</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Side {0} av {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Velg mappe for alle kortene</source>
        <translation>Choose a folder for all the cards</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Filtrer kontakter</source>
        <translation>Filter contacts</translation>
    </message>
    <message>
        <source>Filtrer på navn eller nummer</source>
        <translation>Filter by name or number</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Vis alle regioner</source>
        <translation>Show all regions</translation>
    </message>
    <message>
        <source>Vis kontakter fra alle regioner</source>
        <translation>Show contacts from all regions</translation>
    </message>
    <message>
        <source>Kontaktliste</source>
        <translation>Contact list</translation>
    </message>
    <message>
        <source>Kontaktdetaljer</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>Alle kategorier</source>
        <translation>All categories</translation>
    </message>
    <message numerus="yes">
        <source>%n kontakter</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyStrip</name>
    <message>
        <source>Politi – nød</source>
        <translation>Police – emergency</translation>
    </message>
    <message>
        <source>Ambulanse</source>
        <translation>Ambulance</translation>
    </message>
    <message>
        <source>Politiet</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Legevakt</source>
        <translation>Emergency doctor</translation>
    </message>
    <message>
        <source>Alarmtelefonen</source>
        <translation>Child helpline</translation>
    </message>
    <message>
        <source>Krisesenter</source>
        <translation>Crisis centre</translation>
    </message>
    <message>
        <source>Barnevernvakt</source>
        <translation>Child welfare on call</translation>
    </message>
    <message>
        <source>Barnevern</source>
        <translation>Child welfare</translation>
    </message>
    <message>
        <source>Akutt hjelp</source>
        <translation>Urgent help</translation>
    </message>
    <message>
        <source>Flere numre</source>
        <translation>More numbers</translation>
    </message>
    <message>
        <source>Numrene det ikke er plass til i stripen</source>
        <translation>The numbers there is no room for in the strip</translation>
    </message>
    <message>
        <source>Åpent: {0}</source>
        <translation>Open: {0}</translation>
    </message>
    <message>
        <source>ikke oppgitt i kilden</source>
        <translation>not given in the source</translation>
    </message>
    <message>
        <source>Kilde: {0}, {1}, per {2}</source>
        <translation>Source: {0}, {1}, as of {2}</translation>
    </message>
    <message>
        <source>Klikk for å kopiere nummeret.</source>
        <translation>Click to copy the number.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Du har ikke tilgang til filen eller mappen: {0}</source>
        <translation>You do not have access to the file or folder: {0}</translation>
    </message>
    <message>
        <source>Fant ikke filen eller mappen: {0}</source>
        <translation>Could not find the file or folder: {0}</translation>
    </message>
    <message>
        <source>Disken er full. Frigjør plass og prøv igjen.</source>
        <translation>The disk is full. Free some space and try again.</translation>
    </message>
    <message>
        <source>Kunne ikke lese eller skrive en fil: {0}</source>
        <translation>Could not read or write a file: {0}</translation>
    </message>
    <message>
        <source>Det oppstod en uventet feil. Arbeidet ditt er ikke borte, og du kan fortsette. Detaljene er lagret i loggfilen{0}.</source>
        <translation>An unexpected error occurred. Your work is not lost, and you can carry on. The details are saved in the log file{0}.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Velkommen</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Velg kommunen du jobber i. Da viser programmet de lokale telefonnumrene, veilederne og tiltaksplanen for din region. Du kan bytte kommune senere i Innstillinger.</source>
        <translation>Choose the municipality you work in. The app then shows the local phone numbers, guides and action plan for your region. You can change municipality later in Settings.</translation>
    </message>
    <message>
        <source>Kommunen min er ikke på listen</source>
        <translation>My municipality is not on the list</translation>
    </message>
    <message>
        <source>Fortsett med nasjonalt innhold</source>
        <translation>Continue with national content</translation>
    </message>
    <message>
        <source>Velg kommune</source>
        <translation>Choose municipality</translation>
    </message>
    <message>
        <source>Kommuner som ikke er på listen får det nasjonale innholdet: nødnumre, hjelpetelefoner og de nasjonale veilederne.</source>
        <translation>Municipalities not on the list get the national content: emergency numbers, help lines and the national guides.</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Veiledere for denne situasjonen</source>
        <translation>Guides for this situation</translation>
    </message>
    <message>
        <source>Veileder</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Innholdet har ingen veileder for denne situasjonen ennå. Se Kontakter, eller bruk numrene øverst i vinduet hvis det er akutt.</source>
        <translation>The content has no guide for this situation yet. See Contacts, or use the numbers at the top of the window if it is urgent.</translation>
    </message>
    <message>
        <source>Se, spør, avklar, handle</source>
        <translation>See, ask, clarify, act</translation>
    </message>
    <message>
        <source>Bakgrunn</source>
        <translation>Background</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Hva er du bekymret for?</source>
        <translation>What worries you?</translation>
    </message>
    <message>
        <source>Mer</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Alle kontakter og telefonnumre</source>
        <translation>All contacts and phone numbers</translation>
    </message>
    <message>
        <source>Tiltaksplanen</source>
        <translation>The action plan</translation>
    </message>
    <message>
        <source>Skriv ut tiltakskort og plakater</source>
        <translation>Print action cards and posters</translation>
    </message>
    <message>
        <source>Egne kontakter</source>
        <translation>Own contacts</translation>
    </message>
    <message>
        <source>Innhold på denne maskinen</source>
        <translation>Content on this computer</translation>
    </message>
    <message>
        <source>Vold i nære relasjoner – veileder og kontakter</source>
        <translation>Violence in close relationships – guide and contacts</translation>
    </message>
    <message>
        <source>Du ser innholdet for {0} ({1}) og det nasjonale innholdet.</source>
        <translation>You are seeing the content for {0} ({1}) and the national content.</translation>
    </message>
    <message>
        <source>Du ser det nasjonale innholdet. Velg kommune i Innstillinger for lokale numre.</source>
        <translation>You are seeing the national content. Choose a municipality in Settings for local numbers.</translation>
    </message>
    <message>
        <source>versjon {0}, {1}</source>
        <translation>version {0}, {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n elementer</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Nødnummer</source>
        <translation>Emergency number</translation>
    </message>
    <message>
        <source>Politi</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Legevakt</source>
        <translation>Emergency doctor</translation>
    </message>
    <message>
        <source>Barnevern</source>
        <translation>Child welfare</translation>
    </message>
    <message>
        <source>Barnevernvakt</source>
        <translation>Child welfare on call</translation>
    </message>
    <message>
        <source>Krisesenter</source>
        <translation>Crisis centre</translation>
    </message>
    <message>
        <source>Familievern</source>
        <translation>Family counselling</translation>
    </message>
    <message>
        <source>Overgrepsmottak</source>
        <translation>Sexual assault centre</translation>
    </message>
    <message>
        <source>Statens barnehus</source>
        <translation>Children&apos;s House (Statens barnehus)</translation>
    </message>
    <message>
        <source>Hjelpetelefon</source>
        <translation>Help line</translation>
    </message>
    <message>
        <source>Kompetanseteam</source>
        <translation>Competence team</translation>
    </message>
    <message>
        <source>Støtteorganisasjon</source>
        <translation>Support organisation</translation>
    </message>
    <message>
        <source>Kommunal tjeneste</source>
        <translation>Municipal service</translation>
    </message>
    <message>
        <source>Helsetjeneste</source>
        <translation>Health service</translation>
    </message>
    <message>
        <source>Konfliktrådet</source>
        <translation>Mediation service (Konfliktrådet)</translation>
    </message>
    <message>
        <source>NAV</source>
        <translation>NAV</translation>
    </message>
    <message>
        <source>Hjelp for den som utøver vold</source>
        <translation>Help for people who use violence</translation>
    </message>
    <message>
        <source>Annet</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>barn</source>
        <translation>children</translation>
    </message>
    <message>
        <source>ungdom</source>
        <translation>young people</translation>
    </message>
    <message>
        <source>voksne</source>
        <translation>adults</translation>
    </message>
    <message>
        <source>eldre</source>
        <translation>older people</translation>
    </message>
    <message>
        <source>den som utøver vold</source>
        <translation>people who use violence</translation>
    </message>
    <message>
        <source>fagfolk</source>
        <translation>professionals</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>Akutt, hele døgnet</source>
        <translation>Urgent, around the clock</translation>
    </message>
    <message>
        <source>Dagtid</source>
        <translation>Daytime</translation>
    </message>
    <message>
        <source>Akutt og dagtid</source>
        <translation>Urgent and daytime</translation>
    </message>
    <message>
        <source>Ikke oppgitt</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>I gang</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Foreslått</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Gjennomført</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Veileder</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Ressurs</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>SE</source>
        <translation>SEE</translation>
    </message>
    <message>
        <source>SPØR</source>
        <translation>ASK</translation>
    </message>
    <message>
        <source>AVKLAR</source>
        <translation>CLARIFY</translation>
    </message>
    <message>
        <source>HANDLE</source>
        <translation>ACT</translation>
    </message>
    <message>
        <source>Plikter</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>Definisjoner</source>
        <translation>Definitions</translation>
    </message>
    <message>
        <source>Former for vold</source>
        <translation>Forms of violence</translation>
    </message>
    <message>
        <source>Risikofaktorer</source>
        <translation>Risk factors</translation>
    </message>
    <message>
        <source>Mer informasjon</source>
        <translation>More information</translation>
    </message>
    <message>
        <source>telefonnummeret</source>
        <translation>the phone number</translation>
    </message>
    <message>
        <source>åpningstiden</source>
        <translation>the opening hours</translation>
    </message>
    <message>
        <source>hva nummeret gjelder</source>
        <translation>what the number is for</translation>
    </message>
    <message>
        <source>hvilke kommuner tjenesten dekker</source>
        <translation>which municipalities the service covers</translation>
    </message>
    <message>
        <source>når tjenesten svarer</source>
        <translation>when the service answers</translation>
    </message>
    <message>
        <source>adressen</source>
        <translation>the address</translation>
    </message>
    <message>
        <source>e-postadressen</source>
        <translation>the email address</translation>
    </message>
    <message>
        <source>nettsiden</source>
        <translation>the website</translation>
    </message>
    <message>
        <source>navnet</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>en opplysning</source>
        <translation>a detail</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VNR – vold i nære relasjoner</source>
        <translation>VNR – violence in close relationships</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Søk etter tjeneste, telefonnummer, tegn eller tiltak (Ctrl+F)</source>
        <translation>Search for a service, phone number, sign or measure (Ctrl+F)</translation>
    </message>
    <message>
        <source>Skjul skjermen (Esc Esc)</source>
        <translation>Hide the screen (Esc Esc)</translation>
    </message>
    <message>
        <source>Skjul skjermen</source>
        <translation>Hide the screen</translation>
    </message>
    <message>
        <source>Skjuler innholdet med en nøytral side. Trykk Esc to ganger for å gjøre det samme.</source>
        <translation>Hides the content behind a neutral page. Press Esc twice to do the same.</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Åpner innholdet …</source>
        <translation>Opening the content …</translation>
    </message>
</context>
<context>
    <name>MeasuresModel</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{0} (deler: {1})</source>
        <translation>{0} (parts: {1})</translation>
    </message>
    <message>
        <source>{0} – forsinket</source>
        <translation>{0} – overdue</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Tiltaksplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Eksporter til CSV …</source>
        <translation>Export to CSV …</translation>
    </message>
    <message>
        <source>Eksporter tiltakene som vises til en CSV-fil</source>
        <translation>Export the measures shown to a CSV file</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bare forsinkede</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Vis bare forsinkede tiltak</source>
        <translation>Show overdue measures only</translation>
    </message>
    <message>
        <source>Filtrer tiltak</source>
        <translation>Filter measures</translation>
    </message>
    <message>
        <source>Filtrer på tekst eller ansvarlig</source>
        <translation>Filter by text or responsible</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Tiltaksdetaljer</source>
        <translation>Measure details</translation>
    </message>
    <message>
        <source>Planene for din region og nasjonalt</source>
        <translation>The plans for your region and national</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>All statuses</translation>
    </message>
    <message numerus="yes">
        <source>%n tiltak vises</source>
        <translation>
            <numerusform>%n measure shown</numerusform>
            <numerusform>%n measures shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n forsinket</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Eksporter tiltak til CSV</source>
        <translation>Export measures to CSV</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lukk meldingen</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>MunicipalityChooser</name>
    <message>
        <source>Søk etter kommune</source>
        <translation>Search for a municipality</translation>
    </message>
    <message>
        <source>Skriv navnet på kommunen</source>
        <translation>Type the municipality&apos;s name</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
</context>
<context>
    <name>NavigationController</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Hva er du bekymret for?</source>
        <translation>What worries you?</translation>
    </message>
    <message>
        <source>Oppslag og utskrift</source>
        <translation>Look up and print</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Egne kontakter</source>
        <translation>Own contacts</translation>
    </message>
    <message>
        <source>Tiltaksplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Kortstudio – skriv ut kort</source>
        <translation>Card studio – print cards</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Fant ikke «{0}» i innholdet.</source>
        <translation>Could not find “{0}” in the content.</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <source>Notater</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Fortsett</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Fortsett (Ctrl+Enter)</source>
        <translation>Continue (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Fortsett</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>OwnContactDialog</name>
    <message>
        <source>Endre egen kontakt</source>
        <translation>Change own contact</translation>
    </message>
    <message>
        <source>Ny egen kontakt</source>
        <translation>New own contact</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Telefonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>for eksempel 12 34 56 78</source>
        <translation>for example 12 34 56 78</translation>
    </message>
    <message>
        <source>Hva nummeret er til</source>
        <translation>What the number is for</translation>
    </message>
    <message>
        <source>Åpningstider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>for eksempel man–fre 08–15.30</source>
        <translation>for example Mon–Fri 08–15.30</translation>
    </message>
    <message>
        <source>Tar imot SMS</source>
        <translation>Takes text messages</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hjelper {0}</source>
        <translation>Helps {0}</translation>
    </message>
    <message>
        <source>Hjelper</source>
        <translation>Helps</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lagre kontakten</source>
        <translation>Save the contact</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skriv inn et navn.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Skriv inn et telefonnummer.</source>
        <translation>Enter a phone number.</translation>
    </message>
    <message>
        <source>«{0}» er ikke et telefonnummer vi kan bruke. Skriv sifre og mellomrom, for eksempel 12 34 56 78, eller et kortnummer.</source>
        <translation>“{0}” is not a phone number we can use. Type digits and spaces, for example 12 34 56 78, or a short number.</translation>
    </message>
    <message>
        <source>Kryss av for hvem kontakten hjelper.</source>
        <translation>Tick whom the contact helps.</translation>
    </message>
    <message>
        <source>Lagt inn av brukeren</source>
        <translation>Entered by the user</translation>
    </message>
</context>
<context>
    <name>OwnContactsPage</name>
    <message>
        <source>Egne kontakter</source>
        <translation>Own contacts</translation>
    </message>
    <message>
        <source>Legg inn lokale kontakter, for eksempel lederen din eller nærmeste legevakt. De lagres bare på denne maskinen, søket finner dem, og de blir med når innholdet oppdateres.</source>
        <translation>Add local contacts, for example your manager or the nearest emergency doctor. They are kept on this computer only, search finds them, and they stay when the content is updated.</translation>
    </message>
    <message>
        <source>Ny kontakt …</source>
        <translation>New contact …</translation>
    </message>
    <message>
        <source>Ny egen kontakt</source>
        <translation>New own contact</translation>
    </message>
    <message>
        <source>Endre …</source>
        <translation>Change …</translation>
    </message>
    <message>
        <source>Endre valgt kontakt</source>
        <translation>Change the selected contact</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett valgt kontakt</source>
        <translation>Delete the selected contact</translation>
    </message>
    <message>
        <source>Detaljer om egen kontakt</source>
        <translation>Own contact details</translation>
    </message>
    <message>
        <source>Du har ingen egne kontakter ennå.</source>
        <translation>You have no own contacts yet.</translation>
    </message>
    <message>
        <source>Slett egen kontakt</source>
        <translation>Delete own contact</translation>
    </message>
    <message>
        <source>Vil du slette «{0}»? Dette kan ikke angres.</source>
        <translation>Do you want to delete “{0}”? This cannot be undone.</translation>
    </message>
    <message>
        <source>Slett kontakten</source>
        <translation>Delete the contact</translation>
    </message>
    <message>
        <source>Ikke slett</source>
        <translation>Do not delete</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Skriveren kunne ikke starte utskriften. Sjekk at skriveren er slått på og koblet til, og prøv igjen.</source>
        <translation>The printer could not start printing. Check that the printer is switched on and connected, and try again.</translation>
    </message>
</context>
<context>
    <name>PrintingController</name>
    <message>
        <source>Kortet kunne ikke lages: {0}</source>
        <translation>The card could not be made: {0}</translation>
    </message>
    <message>
        <source>Skriv ut kortet</source>
        <translation>Print the card</translation>
    </message>
    <message>
        <source>Forhåndsvisning av utskriften</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Kortet er sendt til skriveren.</source>
        <translation>The card has been sent to the printer.</translation>
    </message>
    <message numerus="yes">
        <source>%n sider er sendt til skriveren.</source>
        <translation>
            <numerusform>%n page has been sent to the printer.</numerusform>
            <numerusform>%n pages have been sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Utskriften er forminsket til {0} % for å få plass på papiret.</source>
        <translation>The print has been reduced to {0} % to fit the paper.</translation>
    </message>
    <message>
        <source>Skriv ut testsiden for tosidig utskrift</source>
        <translation>Print the double-sided test page</translation>
    </message>
    <message>
        <source>Kortet er lagret i {0}.</source>
        <translation>The card has been saved in {0}.</translation>
    </message>
    <message>
        <source>Skriv ut alle kort for regionen</source>
        <translation>Print all cards for the region</translation>
    </message>
    <message numerus="yes">
        <source>%n kort er sendt til skriveren.</source>
        <translation>
            <numerusform>%n card has been sent to the printer.</numerusform>
            <numerusform>%n cards have been sent to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kort er lagret i {0}.</source>
        <translation>
            <numerusform>%n card has been saved in {0}.</numerusform>
            <numerusform>%n cards have been saved in {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Utskriften av alle kort ble avbrutt.</source>
        <translation>Printing all cards was cancelled.</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>bare SMS</source>
        <translation>SMS only</translation>
    </message>
    <message>
        <source>Kopier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Kontakten finnes ikke i innholdet:</source>
        <translation>The contact is not in the content:</translation>
    </message>
    <message>
        <source>Opplysningene kan være utdatert</source>
        <translation>The information may be out of date</translation>
    </message>
    <message>
        <source>Kilden er fra {0}, mer enn {1} måneder siden. Sjekk nummeret før du bruker det eller skriver det ut.</source>
        <translation>The source is from {0}, more than {1} months ago. Check the number before you use or print it.</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Hjelper</source>
        <translation>Helps</translation>
    </message>
    <message>
        <source>Tilgjengelig</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Anonymt</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nei</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Gjelder</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>dagens henvisning – allmenn kunnskap, ikke fra kildedokumentet</source>
        <translation>today&apos;s reference – general knowledge, not from the source document</translation>
    </message>
    <message>
        <source>slik kilden viser til den; henvisningen er utdatert</source>
        <translation>as the source cites it; the reference is outdated</translation>
    </message>
    <message>
        <source>Kildene er uenige om {0}. Vist: {1}. {2}</source>
        <translation>The sources disagree about {0}. Shown: {1}. {2}</translation>
    </message>
    <message>
        <source>Lagt inn av deg {0}.</source>
        <translation>Entered by you {0}.</translation>
    </message>
    <message>
        <source>Kilde: {0}, {1}. Per {2}. Innhold: {3}.</source>
        <translation>Source: {0}, {1}. As of {2}. Content: {3}.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>{0} (deler: {1})</source>
        <translation>{0} (parts: {1})</translation>
    </message>
    <message>
        <source>{0} – forsinket</source>
        <translation>{0} – overdue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status i planen</source>
        <translation>Status in the plan</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Fant ikke dette i innholdet.</source>
        <translation>This was not found in the content.</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Egne kontakter</source>
        <translation>Own contacts</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Vis bare</source>
        <translation>Show only</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Veiledere</source>
        <translation>Guides</translation>
    </message>
    <message>
        <source>Tiltak og planer</source>
        <translation>Measures and plans</translation>
    </message>
    <message>
        <source>Søkeresultater</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Søker etter «{0}» …</source>
        <translation>Searching for “{0}” …</translation>
    </message>
    <message numerus="yes">
        <source>%n treff for «{0}»</source>
        <translation>
            <numerusform>%n result for “{0}”</numerusform>
            <numerusform>%n results for “{0}”</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen treff. Prøv et annet ord, en del av et ord eller et telefonnummer. Er det akutt: bruk numrene øverst i vinduet.</source>
        <translation>No results. Try another word, part of a word or a phone number. If it is urgent: use the numbers at the top of the window.</translation>
    </message>
    <message>
        <source>Din region</source>
        <translation>Your region</translation>
    </message>
    <message>
        <source>Nasjonalt</source>
        <translation>National</translation>
    </message>
    <message>
        <source>Regionalt</source>
        <translation>Regional</translation>
    </message>
    <message>
        <source>Andre regioner</source>
        <translation>Other regions</translation>
    </message>
    <message>
        <source>Utdatert innhold (rangert lavere)</source>
        <translation>Outdated content (ranked lower)</translation>
    </message>
    <message>
        <source>Nevnt i teksten</source>
        <translation>Mentioned in the text</translation>
    </message>
    <message>
        <source>Andre regioner – uten brukbart nummer</source>
        <translation>Other regions – no usable number</translation>
    </message>
    <message>
        <source>ingen brukbart nummer</source>
        <translation>no usable number</translation>
    </message>
    <message>
        <source>utdatert</source>
        <translation>outdated</translation>
    </message>
    <message>
        <source>Oversatt fra engelsk: {0}</source>
        <translation>Translated from English: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Disken er full eller feiler. Innholdet og numrene vises, men ingenting kan lagres før du frigjør plass og starter appen på nytt.</source>
        <translation>The disk is full or failing. The content and the numbers are shown, but nothing can be saved until you free some space and restart the app.</translation>
    </message>
    <message>
        <source>Innholdet kunne ikke åpnes: {0}

Er noen i fare nå, ring politiets nødnummer.</source>
        <translation>The content could not be opened: {0}

If someone is in danger now, call the police emergency number.</translation>
    </message>
    <message>
        <source>Innstillingen kunne ikke lagres: {0}</source>
        <translation>The setting could not be saved: {0}</translation>
    </message>
    <message>
        <source>Du ser nå innholdet for {0}.</source>
        <translation>You are now seeing the content for {0}.</translation>
    </message>
    <message>
        <source>Du ser nå bare det nasjonale innholdet.</source>
        <translation>You are now seeing only the national content.</translation>
    </message>
    <message>
        <source>{0} ({1}) er kopiert.</source>
        <translation>{0} ({1}) has been copied.</translation>
    </message>
    <message>
        <source>{0} er kopiert.</source>
        <translation>{0} has been copied.</translation>
    </message>
    <message>
        <source>Kontakten er lagret.</source>
        <translation>The contact has been saved.</translation>
    </message>
    <message numerus="yes">
        <source>%n tiltak er eksportert til {0}.</source>
        <translation>
            <numerusform>%n measure has been exported to {0}.</numerusform>
            <numerusform>%n measures have been exported to {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Søkehistorikken er slettet.</source>
        <translation>The search history has been deleted.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Din kommune</source>
        <translation>Your municipality</translation>
    </message>
    <message>
        <source>Bruk valgt kommune</source>
        <translation>Use the chosen municipality</translation>
    </message>
    <message>
        <source>Bare nasjonalt innhold</source>
        <translation>National content only</translation>
    </message>
    <message>
        <source>Bruk bare nasjonalt innhold</source>
        <translation>Use national content only</translation>
    </message>
    <message>
        <source>Visning</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tekststørrelse</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Hvis baksiden havner litt skjevt i forhold til forsiden når du skriver ut tosidig, kan du rette det her. Skriv ut testsiden i Kortstudio og mål hvor mye baksiden er forskjøvet.</source>
        <translation>If the back ends up slightly out of line with the front when you print double-sided, you can correct it here. Print the test page in the Card studio and measure how far the back is shifted.</translation>
    </message>
    <message>
        <source>Forskyv baksiden sidelengs, millimeter</source>
        <translation>Shift the back sideways, millimetres</translation>
    </message>
    <message>
        <source>Forskyv baksiden i høyden, millimeter</source>
        <translation>Shift the back up or down, millimetres</translation>
    </message>
    <message>
        <source>Sidelengs</source>
        <translation>Sideways</translation>
    </message>
    <message>
        <source>I høyden</source>
        <translation>Up or down</translation>
    </message>
    <message>
        <source>Varsler og personvern</source>
        <translation>Warnings and privacy</translation>
    </message>
    <message>
        <source>Varsle når opplysningene er eldre enn, måneder</source>
        <translation>Warn when the information is older than, months</translation>
    </message>
    <message>
        <source> måneder</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Varsle når opplysninger er eldre enn</source>
        <translation>Warn when information is older than</translation>
    </message>
    <message>
        <source>Husk det jeg søker etter på denne maskinen</source>
        <translation>Remember what I search for on this computer</translation>
    </message>
    <message>
        <source>Husk søkehistorikk</source>
        <translation>Remember search history</translation>
    </message>
    <message>
        <source>Søk lagres ikke med mindre du slår dette på.</source>
        <translation>Searches are not kept unless you switch this on.</translation>
    </message>
    <message>
        <source>Slett søkehistorikken</source>
        <translation>Delete the search history</translation>
    </message>
    <message>
        <source>Innhold og oppdateringer</source>
        <translation>Content and updates</translation>
    </message>
    <message>
        <source>Oppdateringskilde, nettadresse eller mappe</source>
        <translation>Update source, web address or folder</translation>
    </message>
    <message>
        <source>https://… eller en mappe</source>
        <translation>https://… or a folder</translation>
    </message>
    <message>
        <source>Oppdateringskilde</source>
        <translation>Update source</translation>
    </message>
    <message>
        <source>Utgivernøkler appen stoler på</source>
        <translation>Publisher keys this app trusts</translation>
    </message>
    <message>
        <source>Stol på nøkkel …</source>
        <translation>Trust a key …</translation>
    </message>
    <message>
        <source>Stol på en utgivers offentlige nøkkel</source>
        <translation>Trust a publisher&apos;s public key</translation>
    </message>
    <message>
        <source>Fjern valgt nøkkel</source>
        <translation>Remove selected key</translation>
    </message>
    <message>
        <source>Slutt å stole på valgt nøkkel</source>
        <translation>Stop trusting the selected key</translation>
    </message>
    <message>
        <source>Installert innhold</source>
        <translation>Installed content</translation>
    </message>
    <message>
        <source>Se etter oppdateringer</source>
        <translation>Check for updates</translation>
    </message>
    <message>
        <source>Importer fra mappe …</source>
        <translation>Import from folder …</translation>
    </message>
    <message>
        <source>Importer innhold fra en mappe</source>
        <translation>Import content from a folder</translation>
    </message>
    <message>
        <source>Gå tilbake til forrige versjon</source>
        <translation>Go back to the previous version</translation>
    </message>
    <message>
        <source>Gå tilbake til forrige versjon av valgt innhold</source>
        <translation>Go back to the previous version of the selected content</translation>
    </message>
    <message>
        <source>Fremdrift</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryt oppdateringen</source>
        <translation>Cancel the update</translation>
    </message>
    <message>
        <source>Valgt: {0} ({1})</source>
        <translation>Chosen: {0} ({1})</translation>
    </message>
    <message>
        <source>Valgt: bare nasjonalt innhold</source>
        <translation>Chosen: national content only</translation>
    </message>
    <message>
        <source>{0} – versjon {1}, {2}</source>
        <translation>{0} – version {1}, {2}</translation>
    </message>
    <message>
        <source>rotnøkkel</source>
        <translation>root key</translation>
    </message>
    <message>
        <source>utgiver</source>
        <translation>publisher</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <source>Velg utgiverens offentlige nøkkel</source>
        <translation>Choose the publisher&apos;s public key</translation>
    </message>
    <message>
        <source>Nøkler (*.pub)</source>
        <translation>Keys (*.pub)</translation>
    </message>
</context>
<context>
    <name>Situations</name>
    <message>
        <source>Bekymret for et barn</source>
        <translation>Worried about a child</translation>
    </message>
    <message>
        <source>Når du er bekymret for at et barn blir utsatt for vold, overgrep eller omsorgssvikt.</source>
        <translation>When you are worried that a child is exposed to violence, abuse or neglect.</translation>
    </message>
    <message>
        <source>Bekymret for en voksen</source>
        <translation>Worried about an adult</translation>
    </message>
    <message>
        <source>Når du er bekymret for at en voksen blir utsatt for vold fra en partner eller et familiemedlem.</source>
        <translation>When you are worried that an adult is exposed to violence from a partner or a family member.</translation>
    </message>
    <message>
        <source>Bekymret for en eldre eller risikoutsatt voksen</source>
        <translation>Worried about an older or at-risk adult</translation>
    </message>
    <message>
        <source>Når en eldre eller en voksen som trenger hjelp i hverdagen kan bli utsatt for vold.</source>
        <translation>When an older person or an adult who needs help in daily life may be exposed to violence.</translation>
    </message>
    <message>
        <source>Noen som utøver vold</source>
        <translation>Someone who uses violence</translation>
    </message>
    <message>
        <source>Når noen utøver vold, eller er redd for å gjøre det, og trenger hjelp til å stoppe.</source>
        <translation>When someone uses violence, or fears they will, and needs help to stop.</translation>
    </message>
    <message>
        <source>Æresrelatert vold og negativ sosial kontroll</source>
        <translation>Honour-related violence and negative social control</translation>
    </message>
    <message>
        <source>Æresrelatert vold, negativ sosial kontroll, tvangsekteskap og kjønnslemlestelse.</source>
        <translation>Honour-related violence, negative social control, forced marriage and female genital mutilation.</translation>
    </message>
</context>
<context>
    <name>StripButton</name>
    <message>
        <source>{0}, {1}. Kopier nummeret</source>
        <translation>{0}, {1}. Copy the number</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Gikk tilbake til forrige versjon: {0}</source>
        <translation>Went back to the previous version: {0}</translation>
    </message>
</context>
<context>
    <name>SyncFlow</name>
    <message>
        <source>Ser etter oppdateringer …</source>
        <translation>Checking for updates …</translation>
    </message>
    <message>
        <source>Nytt innhold er klart: {0}. Installer det under Innstillinger.</source>
        <translation>New content is ready: {0}. Install it in Settings.</translation>
    </message>
    <message>
        <source>Velg mappen med innholdet som skal importeres</source>
        <translation>Choose the folder with the content to import</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>Stol på utgivernøkkel</source>
        <translation>Trust a publisher key</translation>
    </message>
    <message>
        <source>Sammenlign nøkkel-ID og fingeravtrykk med det utgiveren har gitt deg (på papir eller i telefon) før du stoler på nøkkelen.</source>
        <translation>Compare the key id and fingerprint with what the publisher gave you (on paper or by phone) before you trust the key.</translation>
    </message>
    <message>
        <source>Nøkkel-ID</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>Fingeravtrykk</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Regioner nøkkelen får publisere</source>
        <translation>Regions the key may publish</translation>
    </message>
    <message>
        <source>for eksempel gjovik, nasjonal</source>
        <translation>for example gjovik, nasjonal</translation>
    </message>
    <message>
        <source>Får publisere</source>
        <translation>May publish</translation>
    </message>
    <message>
        <source>Rotnøkkel (godkjenner og trekker tilbake nøkler, signerer aldri innhold)</source>
        <translation>Root key (endorses and revokes keys, never signs content)</translation>
    </message>
    <message>
        <source>Rotnøkkel</source>
        <translation>Root key</translation>
    </message>
    <message>
        <source>Skriv regionene nøkkelen får publisere, med komma mellom (for eksempel gjovik, hamar, eller nasjonal for nasjonalt innhold).</source>
        <translation>Type the regions the key may publish, separated by commas (for example gjovik, hamar, or nasjonal for national content).</translation>
    </message>
</context>
<context>
    <name>UpdateReport</name>
    <message>
        <source>Innholdet er oppdatert</source>
        <translation>The content has been updated</translation>
    </message>
    <message>
        <source>Endringer i innholdet</source>
        <translation>Changes in the content</translation>
    </message>
    <message>
        <source>Dette er endret</source>
        <translation>What has changed</translation>
    </message>
    <message>
        <source>Kort du bør skrive ut på nytt</source>
        <translation>Cards you should print again</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
