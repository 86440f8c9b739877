<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="nb_NO">
<context>
    <name>Accessibility</name>
    <message>
        <source>Tøm feltet {0}</source>
        <translation>Tøm feltet {0}</translation>
    </message>
    <message>
        <source>Valg for {0}</source>
        <translation>Valg for {0}</translation>
    </message>
    <message>
        <source>Kolonneoverskrifter</source>
        <translation>Kolonneoverskrifter</translation>
    </message>
    <message>
        <source>Velg alle rader</source>
        <translation>Velg alle rader</translation>
    </message>
</context>
<context>
    <name>CardStudio</name>
    <message>
        <source>Kortstudio</source>
        <translation>Kortstudio</translation>
    </message>
    <message>
        <source>Kort</source>
        <translation>Kort</translation>
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
        <translation>Utskrift på ark</translation>
    </message>
    <message>
        <source>Ett kort per side</source>
        <translation>Ett kort per side</translation>
    </message>
    <message>
        <source>Flere kort på A4 med skjæremerker</source>
        <translation>Flere kort på A4 med skjæremerker</translation>
    </message>
    <message>
        <source>Ark</source>
        <translation>Ark</translation>
    </message>
    <message>
        <source>Tosidig utskrift</source>
        <translation>Tosidig utskrift</translation>
    </message>
    <message>
        <source>Vend på langsiden</source>
        <translation>Vend på langsiden</translation>
    </message>
    <message>
        <source>Vend på kortsiden</source>
        <translation>Vend på kortsiden</translation>
    </message>
    <message>
        <source>Tosidig</source>
        <translation>Tosidig</translation>
    </message>
    <message>
        <source>Språk på kortet</source>
        <translation>Språk på kortet</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Ta med egne kontakter</source>
        <translation>Ta med egne kontakter</translation>
    </message>
    <message>
        <source>Ta med egne kontakter på kortet</source>
        <translation>Ta med egne kontakter på kortet</translation>
    </message>
    <message>
        <source>10 lommekort på A4, felles skjærelinjer (ID-1)</source>
        <translation>10 lommekort på A4, felles skjærelinjer (ID-1)</translation>
    </message>
    <message>
        <source>Flere kort på A3 med skjæremerker</source>
        <translation>Flere kort på A3 med skjæremerker</translation>
    </message>
    <message>
        <source>PDF for trykkeri (PDF/X, CMYK)</source>
        <translation>PDF for trykkeri (PDF/X, CMYK)</translation>
    </message>
    <message>
        <source>Lag PDF for trykkeri</source>
        <translation>Lag PDF for trykkeri</translation>
    </message>
    <message>
        <source>PDF/X-1a i CMYK med fargeprofil (FOGRA39): tekst og QR-kode i ren svart. For trykkerier; vanlige skrivere trenger det ikke.</source>
        <translation>PDF/X-1a i CMYK med fargeprofil (FOGRA39): tekst og QR-kode i ren svart. For trykkerier; vanlige skrivere trenger det ikke.</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Skriv ut …</translation>
    </message>
    <message>
        <source>Skriv ut kortet</source>
        <translation>Skriv ut kortet</translation>
    </message>
    <message>
        <source>Lagre PDF …</source>
        <translation>Lagre PDF …</translation>
    </message>
    <message>
        <source>Lagre kortet som PDF</source>
        <translation>Lagre kortet som PDF</translation>
    </message>
    <message>
        <source>Forhåndsvis utskrift …</source>
        <translation>Forhåndsvis utskrift …</translation>
    </message>
    <message>
        <source>Vis hvordan utskriften blir på arket</source>
        <translation>Vis hvordan utskriften blir på arket</translation>
    </message>
    <message>
        <source>Alle kort for regionen</source>
        <translation>Alle kort for regionen</translation>
    </message>
    <message>
        <source>Skriv ut alle …</source>
        <translation>Skriv ut alle …</translation>
    </message>
    <message>
        <source>Skriv ut alle kort for regionen</source>
        <translation>Skriv ut alle kort for regionen</translation>
    </message>
    <message>
        <source>Lagre alle som PDF …</source>
        <translation>Lagre alle som PDF …</translation>
    </message>
    <message>
        <source>Lagre alle kort for regionen som PDF i en mappe</source>
        <translation>Lagre alle kort for regionen som PDF i en mappe</translation>
    </message>
    <message>
        <source>Testside for tosidig utskrift …</source>
        <translation>Testside for tosidig utskrift …</translation>
    </message>
    <message>
        <source>Skriv ut en testside som måler hvor mye skriveren forskyver baksiden</source>
        <translation>Skriv ut en testside som måler hvor mye skriveren forskyver baksiden</translation>
    </message>
    <message>
        <source>Fremdrift for alle kort</source>
        <translation>Fremdrift for alle kort</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Avbryt utskriften</source>
        <translation>Avbryt utskriften</translation>
    </message>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Lommekort, 85,6 × 53,98 mm (ID-1)</source>
        <translation>Lommekort, 85,6 × 53,98 mm (ID-1)</translation>
    </message>
    <message>
        <source>Kort A7, 74 × 105 mm</source>
        <translation>Kort A7, 74 × 105 mm</translation>
    </message>
    <message>
        <source>A6 brettet til A7 (fire felt)</source>
        <translation>A6 brettet til A7 (fire felt)</translation>
    </message>
    <message>
        <source>Plakat A4</source>
        <translation>Plakat A4</translation>
    </message>
    <message>
        <source>Plakat A3</source>
        <translation>Plakat A3</translation>
    </message>
    <message>
        <source>Du har ingen egne kontakter. Legg dem inn under Egne kontakter.</source>
        <translation>Du har ingen egne kontakter. Legg dem inn under Egne kontakter.</translation>
    </message>
    <message>
        <source>Dine egne kontakter skrives under en egen overskrift, «Egne numre (lagt inn av deg)», adskilt fra numrene fra innholdet.</source>
        <translation>Dine egne kontakter skrives under en egen overskrift, «Egne numre (lagt inn av deg)», adskilt fra numrene fra innholdet.</translation>
    </message>
    <message>
        <source>Lager forhåndsvisning …</source>
        <translation>Lager forhåndsvisning …</translation>
    </message>
    <message>
        <source>{0} · {1} · innhold {2}</source>
        <translation>{0} · {1} · innhold {2}</translation>
    </message>
    <message>
        <source>kortet finnes bare på {0}</source>
        <translation>kortet finnes bare på {0}</translation>
    </message>
    <message>
        <source>Forside</source>
        <translation>Forside</translation>
    </message>
    <message>
        <source>Bakside</source>
        <translation>Bakside</translation>
    </message>
    <message>
        <source>Side {0} av {1}</source>
        <translation>Side {0} av {1}</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Velg mappe for alle kortene</source>
        <translation>Velg mappe for alle kortene</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Filtrer kontakter</source>
        <translation>Filtrer kontakter</translation>
    </message>
    <message>
        <source>Filtrer på navn eller nummer</source>
        <translation>Filtrer på navn eller nummer</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Vis alle regioner</source>
        <translation>Vis alle regioner</translation>
    </message>
    <message>
        <source>Vis kontakter fra alle regioner</source>
        <translation>Vis kontakter fra alle regioner</translation>
    </message>
    <message>
        <source>Kontaktliste</source>
        <translation>Kontaktliste</translation>
    </message>
    <message>
        <source>Kontaktdetaljer</source>
        <translation>Kontaktdetaljer</translation>
    </message>
    <message>
        <source>Alle kategorier</source>
        <translation>Alle kategorier</translation>
    </message>
    <message numerus="yes">
        <source>%n kontakter</source>
        <translation>
            <numerusform>%n kontakt</numerusform>
            <numerusform>%n kontakter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyStrip</name>
    <message>
        <source>Politi – nød</source>
        <translation>Politi – nød</translation>
    </message>
    <message>
        <source>Ambulanse</source>
        <translation>Ambulanse</translation>
    </message>
    <message>
        <source>Politiet</source>
        <translation>Politiet</translation>
    </message>
    <message>
        <source>Legevakt</source>
        <translation>Legevakt</translation>
    </message>
    <message>
        <source>Alarmtelefonen</source>
        <translation>Alarmtelefonen</translation>
    </message>
    <message>
        <source>Krisesenter</source>
        <translation>Krisesenter</translation>
    </message>
    <message>
        <source>Barnevernvakt</source>
        <translation>Barnevernvakt</translation>
    </message>
    <message>
        <source>Barnevern</source>
        <translation>Barnevern</translation>
    </message>
    <message>
        <source>Akutt hjelp</source>
        <translation>Akutt hjelp</translation>
    </message>
    <message>
        <source>Flere numre</source>
        <translation>Flere numre</translation>
    </message>
    <message>
        <source>Numrene det ikke er plass til i stripen</source>
        <translation>Numrene det ikke er plass til i stripen</translation>
    </message>
    <message>
        <source>Åpent: {0}</source>
        <translation>Åpent: {0}</translation>
    </message>
    <message>
        <source>ikke oppgitt i kilden</source>
        <translation>ikke oppgitt i kilden</translation>
    </message>
    <message>
        <source>Kilde: {0}, {1}, per {2}</source>
        <translation>Kilde: {0}, {1}, per {2}</translation>
    </message>
    <message>
        <source>Klikk for å kopiere nummeret.</source>
        <translation>Klikk for å kopiere nummeret.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Du har ikke tilgang til filen eller mappen: {0}</source>
        <translation>Du har ikke tilgang til filen eller mappen: {0}</translation>
    </message>
    <message>
        <source>Fant ikke filen eller mappen: {0}</source>
        <translation>Fant ikke filen eller mappen: {0}</translation>
    </message>
    <message>
        <source>Disken er full. Frigjør plass og prøv igjen.</source>
        <translation>Disken er full. Frigjør plass og prøv igjen.</translation>
    </message>
    <message>
        <source>Kunne ikke lese eller skrive en fil: {0}</source>
        <translation>Kunne ikke lese eller skrive en fil: {0}</translation>
    </message>
    <message>
        <source>Det oppstod en uventet feil. Arbeidet ditt er ikke borte, og du kan fortsette. Detaljene er lagret i loggfilen{0}.</source>
        <translation>Det oppstod en uventet feil. Arbeidet ditt er ikke borte, og du kan fortsette. Detaljene er lagret i loggfilen{0}.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Velkommen</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <source>Velg kommunen du jobber i. Da viser programmet de lokale telefonnumrene, veilederne og tiltaksplanen for din region. Du kan bytte kommune senere i Innstillinger.</source>
        <translation>Velg kommunen du jobber i. Da viser programmet de lokale telefonnumrene, veilederne og tiltaksplanen for din region. Du kan bytte kommune senere i Innstillinger.</translation>
    </message>
    <message>
        <source>Kommunen min er ikke på listen</source>
        <translation>Kommunen min er ikke på listen</translation>
    </message>
    <message>
        <source>Fortsett med nasjonalt innhold</source>
        <translation>Fortsett med nasjonalt innhold</translation>
    </message>
    <message>
        <source>Velg kommune</source>
        <translation>Velg kommune</translation>
    </message>
    <message>
        <source>Kommuner som ikke er på listen får det nasjonale innholdet: nødnumre, hjelpetelefoner og de nasjonale veilederne.</source>
        <translation>Kommuner som ikke er på listen får det nasjonale innholdet: nødnumre, hjelpetelefoner og de nasjonale veilederne.</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Veiledere for denne situasjonen</source>
        <translation>Veiledere for denne situasjonen</translation>
    </message>
    <message>
        <source>Veileder</source>
        <translation>Veileder</translation>
    </message>
    <message>
        <source>Innholdet har ingen veileder for denne situasjonen ennå. Se Kontakter, eller bruk numrene øverst i vinduet hvis det er akutt.</source>
        <translation>Innholdet har ingen veileder for denne situasjonen ennå. Se Kontakter, eller bruk numrene øverst i vinduet hvis det er akutt.</translation>
    </message>
    <message>
        <source>Se, spør, avklar, handle</source>
        <translation>Se, spør, avklar, handle</translation>
    </message>
    <message>
        <source>Bakgrunn</source>
        <translation>Bakgrunn</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Hva er du bekymret for?</source>
        <translation>Hva er du bekymret for?</translation>
    </message>
    <message>
        <source>Mer</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Alle kontakter og telefonnumre</source>
        <translation>Alle kontakter og telefonnumre</translation>
    </message>
    <message>
        <source>Tiltaksplanen</source>
        <translation>Tiltaksplanen</translation>
    </message>
    <message>
        <source>Skriv ut tiltakskort og plakater</source>
        <translation>Skriv ut tiltakskort og plakater</translation>
    </message>
    <message>
        <source>Egne kontakter</source>
        <translation>Egne kontakter</translation>
    </message>
    <message>
        <source>Innhold på denne maskinen</source>
        <translation>Innhold på denne maskinen</translation>
    </message>
    <message>
        <source>Vold i nære relasjoner – veileder og kontakter</source>
        <translation>Vold i nære relasjoner – veileder og kontakter</translation>
    </message>
    <message>
        <source>Du ser innholdet for {0} ({1}) og det nasjonale innholdet.</source>
        <translation>Du ser innholdet for {0} ({1}) og det nasjonale innholdet.</translation>
    </message>
    <message>
        <source>Du ser det nasjonale innholdet. Velg kommune i Innstillinger for lokale numre.</source>
        <translation>Du ser det nasjonale innholdet. Velg kommune i Innstillinger for lokale numre.</translation>
    </message>
    <message>
        <source>versjon {0}, {1}</source>
        <translation>versjon {0}, {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n elementer</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elementer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Nødnummer</source>
        <translation>Nødnummer</translation>
    </message>
    <message>
        <source>Politi</source>
        <translation>Politi</translation>
    </message>
    <message>
        <source>Legevakt</source>
        <translation>Legevakt</translation>
    </message>
    <message>
        <source>Barnevern</source>
        <translation>Barnevern</translation>
    </message>
    <message>
        <source>Barnevernvakt</source>
        <translation>Barnevernvakt</translation>
    </message>
    <message>
        <source>Krisesenter</source>
        <translation>Krisesenter</translation>
    </message>
    <message>
        <source>Familievern</source>
        <translation>Familievern</translation>
    </message>
    <message>
        <source>Overgrepsmottak</source>
        <translation>Overgrepsmottak</translation>
    </message>
    <message>
        <source>Statens barnehus</source>
        <translation>Statens barnehus</translation>
    </message>
    <message>
        <source>Hjelpetelefon</source>
        <translation>Hjelpetelefon</translation>
    </message>
    <message>
        <source>Kompetanseteam</source>
        <translation>Kompetanseteam</translation>
    </message>
    <message>
        <source>Støtteorganisasjon</source>
        <translation>Støtteorganisasjon</translation>
    </message>
    <message>
        <source>Kommunal tjeneste</source>
        <translation>Kommunal tjeneste</translation>
    </message>
    <message>
        <source>Helsetjeneste</source>
        <translation>Helsetjeneste</translation>
    </message>
    <message>
        <source>Konfliktrådet</source>
        <translation>Konfliktrådet</translation>
    </message>
    <message>
        <source>NAV</source>
        <translation>NAV</translation>
    </message>
    <message>
        <source>Hjelp for den som utøver vold</source>
        <translation>Hjelp for den som utøver vold</translation>
    </message>
    <message>
        <source>Annet</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>barn</source>
        <translation>barn</translation>
    </message>
    <message>
        <source>ungdom</source>
        <translation>ungdom</translation>
    </message>
    <message>
        <source>voksne</source>
        <translation>voksne</translation>
    </message>
    <message>
        <source>eldre</source>
        <translation>eldre</translation>
    </message>
    <message>
        <source>den som utøver vold</source>
        <translation>den som utøver vold</translation>
    </message>
    <message>
        <source>fagfolk</source>
        <translation>fagfolk</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Akutt, hele døgnet</source>
        <translation>Akutt, hele døgnet</translation>
    </message>
    <message>
        <source>Dagtid</source>
        <translation>Dagtid</translation>
    </message>
    <message>
        <source>Akutt og dagtid</source>
        <translation>Akutt og dagtid</translation>
    </message>
    <message>
        <source>Ikke oppgitt</source>
        <translation>Ikke oppgitt</translation>
    </message>
    <message>
        <source>I gang</source>
        <translation>I gang</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Foreslått</source>
        <translation>Foreslått</translation>
    </message>
    <message>
        <source>Gjennomført</source>
        <translation>Gjennomført</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Ukjent</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Veileder</source>
        <translation>Veileder</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>Ressurs</source>
        <translation>Ressurs</translation>
    </message>
    <message>
        <source>SE</source>
        <translation>SE</translation>
    </message>
    <message>
        <source>SPØR</source>
        <translation>SPØR</translation>
    </message>
    <message>
        <source>AVKLAR</source>
        <translation>AVKLAR</translation>
    </message>
    <message>
        <source>HANDLE</source>
        <translation>HANDLE</translation>
    </message>
    <message>
        <source>Plikter</source>
        <translation>Plikter</translation>
    </message>
    <message>
        <source>Definisjoner</source>
        <translation>Definisjoner</translation>
    </message>
    <message>
        <source>Former for vold</source>
        <translation>Former for vold</translation>
    </message>
    <message>
        <source>Risikofaktorer</source>
        <translation>Risikofaktorer</translation>
    </message>
    <message>
        <source>Mer informasjon</source>
        <translation>Mer informasjon</translation>
    </message>
    <message>
        <source>telefonnummeret</source>
        <translation>telefonnummeret</translation>
    </message>
    <message>
        <source>åpningstiden</source>
        <translation>åpningstiden</translation>
    </message>
    <message>
        <source>hva nummeret gjelder</source>
        <translation>hva nummeret gjelder</translation>
    </message>
    <message>
        <source>hvilke kommuner tjenesten dekker</source>
        <translation>hvilke kommuner tjenesten dekker</translation>
    </message>
    <message>
        <source>når tjenesten svarer</source>
        <translation>når tjenesten svarer</translation>
    </message>
    <message>
        <source>adressen</source>
        <translation>adressen</translation>
    </message>
    <message>
        <source>e-postadressen</source>
        <translation>e-postadressen</translation>
    </message>
    <message>
        <source>nettsiden</source>
        <translation>nettsiden</translation>
    </message>
    <message>
        <source>navnet</source>
        <translation>navnet</translation>
    </message>
    <message>
        <source>en opplysning</source>
        <translation>en opplysning</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VNR – vold i nære relasjoner</source>
        <translation>VNR – vold i nære relasjoner</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Søk etter tjeneste, telefonnummer, tegn eller tiltak (Ctrl+F)</source>
        <translation>Søk etter tjeneste, telefonnummer, tegn eller tiltak (Ctrl+F)</translation>
    </message>
    <message>
        <source>Skjul skjermen (Esc Esc)</source>
        <translation>Skjul skjermen (Esc Esc)</translation>
    </message>
    <message>
        <source>Skjul skjermen</source>
        <translation>Skjul skjermen</translation>
    </message>
    <message>
        <source>Skjuler innholdet med en nøytral side. Trykk Esc to ganger for å gjøre det samme.</source>
        <translation>Skjuler innholdet med en nøytral side. Trykk Esc to ganger for å gjøre det samme.</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <translation>Navigasjon</translation>
    </message>
    <message>
        <source>Åpner innholdet …</source>
        <translation>Åpner innholdet …</translation>
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
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{0} (deler: {1})</source>
        <translation>{0} (deler: {1})</translation>
    </message>
    <message>
        <source>{0} – forsinket</source>
        <translation>{0} – forsinket</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Tiltaksplan</source>
        <translation>Tiltaksplan</translation>
    </message>
    <message>
        <source>Eksporter til CSV …</source>
        <translation>Eksporter til CSV …</translation>
    </message>
    <message>
        <source>Eksporter tiltakene som vises til en CSV-fil</source>
        <translation>Eksporter tiltakene som vises til en CSV-fil</translation>
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
        <translation>Bare forsinkede</translation>
    </message>
    <message>
        <source>Vis bare forsinkede tiltak</source>
        <translation>Vis bare forsinkede tiltak</translation>
    </message>
    <message>
        <source>Filtrer tiltak</source>
        <translation>Filtrer tiltak</translation>
    </message>
    <message>
        <source>Filtrer på tekst eller ansvarlig</source>
        <translation>Filtrer på tekst eller ansvarlig</translation>
    </message>
    <message>
        <source>Tiltak</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>Tiltaksdetaljer</source>
        <translation>Tiltaksdetaljer</translation>
    </message>
    <message>
        <source>Planene for din region og nasjonalt</source>
        <translation>Planene for din region og nasjonalt</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>Alle statuser</translation>
    </message>
    <message numerus="yes">
        <source>%n tiltak vises</source>
        <translation>
            <numerusform>%n tiltak vises</numerusform>
            <numerusform>%n tiltak vises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n forsinket</source>
        <translation>
            <numerusform>%n forsinket</numerusform>
            <numerusform>%n forsinket</numerusform>
        </translation>
    </message>
    <message>
        <source>Eksporter tiltak til CSV</source>
        <translation>Eksporter tiltak til CSV</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Lukk</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Lukk meldingen</source>
        <translation>Lukk meldingen</translation>
    </message>
</context>
<context>
    <name>MunicipalityChooser</name>
    <message>
        <source>Søk etter kommune</source>
        <translation>Søk etter kommune</translation>
    </message>
    <message>
        <source>Skriv navnet på kommunen</source>
        <translation>Skriv navnet på kommunen</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Kommuner</translation>
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
        <translation>Hva er du bekymret for?</translation>
    </message>
    <message>
        <source>Oppslag og utskrift</source>
        <translation>Oppslag og utskrift</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Egne kontakter</source>
        <translation>Egne kontakter</translation>
    </message>
    <message>
        <source>Tiltaksplan</source>
        <translation>Tiltaksplan</translation>
    </message>
    <message>
        <source>Kortstudio – skriv ut kort</source>
        <translation>Kortstudio – skriv ut kort</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Fant ikke «{0}» i innholdet.</source>
        <translation>Fant ikke «{0}» i innholdet.</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <source>Notater</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>&amp;Fortsett</source>
        <translation>&amp;Fortsett</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Fortsett (Ctrl+Enter)</source>
        <translation>Fortsett (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Fortsett</source>
        <translation>Fortsett</translation>
    </message>
</context>
<context>
    <name>OwnContactDialog</name>
    <message>
        <source>Endre egen kontakt</source>
        <translation>Endre egen kontakt</translation>
    </message>
    <message>
        <source>Ny egen kontakt</source>
        <translation>Ny egen kontakt</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Telefonnummer</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>for eksempel 12 34 56 78</source>
        <translation>for eksempel 12 34 56 78</translation>
    </message>
    <message>
        <source>Hva nummeret er til</source>
        <translation>Hva nummeret er til</translation>
    </message>
    <message>
        <source>Åpningstider</source>
        <translation>Åpningstider</translation>
    </message>
    <message>
        <source>for eksempel man–fre 08–15.30</source>
        <translation>for eksempel man–fre 08–15.30</translation>
    </message>
    <message>
        <source>Tar imot SMS</source>
        <translation>Tar imot SMS</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Hjelper {0}</source>
        <translation>Hjelper {0}</translation>
    </message>
    <message>
        <source>Hjelper</source>
        <translation>Hjelper</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Lagre kontakten</source>
        <translation>Lagre kontakten</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Skriv inn et navn.</source>
        <translation>Skriv inn et navn.</translation>
    </message>
    <message>
        <source>Skriv inn et telefonnummer.</source>
        <translation>Skriv inn et telefonnummer.</translation>
    </message>
    <message>
        <source>«{0}» er ikke et telefonnummer vi kan bruke. Skriv sifre og mellomrom, for eksempel 12 34 56 78, eller et kortnummer.</source>
        <translation>«{0}» er ikke et telefonnummer vi kan bruke. Skriv sifre og mellomrom, for eksempel 12 34 56 78, eller et kortnummer.</translation>
    </message>
    <message>
        <source>Kryss av for hvem kontakten hjelper.</source>
        <translation>Kryss av for hvem kontakten hjelper.</translation>
    </message>
    <message>
        <source>Lagt inn av brukeren</source>
        <translation>Lagt inn av brukeren</translation>
    </message>
</context>
<context>
    <name>OwnContactsPage</name>
    <message>
        <source>Egne kontakter</source>
        <translation>Egne kontakter</translation>
    </message>
    <message>
        <source>Legg inn lokale kontakter, for eksempel lederen din eller nærmeste legevakt. De lagres bare på denne maskinen, søket finner dem, og de blir med når innholdet oppdateres.</source>
        <translation>Legg inn lokale kontakter, for eksempel lederen din eller nærmeste legevakt. De lagres bare på denne maskinen, søket finner dem, og de blir med når innholdet oppdateres.</translation>
    </message>
    <message>
        <source>Ny kontakt …</source>
        <translation>Ny kontakt …</translation>
    </message>
    <message>
        <source>Ny egen kontakt</source>
        <translation>Ny egen kontakt</translation>
    </message>
    <message>
        <source>Endre …</source>
        <translation>Endre …</translation>
    </message>
    <message>
        <source>Endre valgt kontakt</source>
        <translation>Endre valgt kontakt</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Slett valgt kontakt</source>
        <translation>Slett valgt kontakt</translation>
    </message>
    <message>
        <source>Detaljer om egen kontakt</source>
        <translation>Detaljer om egen kontakt</translation>
    </message>
    <message>
        <source>Du har ingen egne kontakter ennå.</source>
        <translation>Du har ingen egne kontakter ennå.</translation>
    </message>
    <message>
        <source>Slett egen kontakt</source>
        <translation>Slett egen kontakt</translation>
    </message>
    <message>
        <source>Vil du slette «{0}»? Dette kan ikke angres.</source>
        <translation>Vil du slette «{0}»? Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Slett kontakten</source>
        <translation>Slett kontakten</translation>
    </message>
    <message>
        <source>Ikke slett</source>
        <translation>Ikke slett</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Skriveren kunne ikke starte utskriften. Sjekk at skriveren er slått på og koblet til, og prøv igjen.</source>
        <translation>Skriveren kunne ikke starte utskriften. Sjekk at skriveren er slått på og koblet til, og prøv igjen.</translation>
    </message>
</context>
<context>
    <name>PrintingController</name>
    <message>
        <source>Kortet kunne ikke lages: {0}</source>
        <translation>Kortet kunne ikke lages: {0}</translation>
    </message>
    <message>
        <source>Skriv ut kortet</source>
        <translation>Skriv ut kortet</translation>
    </message>
    <message>
        <source>Forhåndsvisning av utskriften</source>
        <translation>Forhåndsvisning av utskriften</translation>
    </message>
    <message>
        <source>Kortet er sendt til skriveren.</source>
        <translation>Kortet er sendt til skriveren.</translation>
    </message>
    <message numerus="yes">
        <source>%n sider er sendt til skriveren.</source>
        <translation>
            <numerusform>%n side er sendt til skriveren.</numerusform>
            <numerusform>%n sider er sendt til skriveren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Utskriften er forminsket til {0} % for å få plass på papiret.</source>
        <translation>Utskriften er forminsket til {0} % for å få plass på papiret.</translation>
    </message>
    <message>
        <source>Skriv ut testsiden for tosidig utskrift</source>
        <translation>Skriv ut testsiden for tosidig utskrift</translation>
    </message>
    <message>
        <source>Kortet er lagret i {0}.</source>
        <translation>Kortet er lagret i {0}.</translation>
    </message>
    <message>
        <source>Skriv ut alle kort for regionen</source>
        <translation>Skriv ut alle kort for regionen</translation>
    </message>
    <message numerus="yes">
        <source>%n kort er sendt til skriveren.</source>
        <translation>
            <numerusform>%n kort er sendt til skriveren.</numerusform>
            <numerusform>%n kort er sendt til skriveren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kort er lagret i {0}.</source>
        <translation>
            <numerusform>%n kort er lagret i {0}.</numerusform>
            <numerusform>%n kort er lagret i {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Utskriften av alle kort ble avbrutt.</source>
        <translation>Utskriften av alle kort ble avbrutt.</translation>
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
        <translation>bare SMS</translation>
    </message>
    <message>
        <source>Kopier</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Kontakten finnes ikke i innholdet:</source>
        <translation>Kontakten finnes ikke i innholdet:</translation>
    </message>
    <message>
        <source>Opplysningene kan være utdatert</source>
        <translation>Opplysningene kan være utdatert</translation>
    </message>
    <message>
        <source>Kilden er fra {0}, mer enn {1} måneder siden. Sjekk nummeret før du bruker det eller skriver det ut.</source>
        <translation>Kilden er fra {0}, mer enn {1} måneder siden. Sjekk nummeret før du bruker det eller skriver det ut.</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Nettside</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Hjelper</source>
        <translation>Hjelper</translation>
    </message>
    <message>
        <source>Tilgjengelig</source>
        <translation>Tilgjengelig</translation>
    </message>
    <message>
        <source>Anonymt</source>
        <translation>Anonymt</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Nei</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Gjelder</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>dagens henvisning – allmenn kunnskap, ikke fra kildedokumentet</source>
        <translation>dagens henvisning – allmenn kunnskap, ikke fra kildedokumentet</translation>
    </message>
    <message>
        <source>slik kilden viser til den; henvisningen er utdatert</source>
        <translation>slik kilden viser til den; henvisningen er utdatert</translation>
    </message>
    <message>
        <source>Kildene er uenige om {0}. Vist: {1}. {2}</source>
        <translation>Kildene er uenige om {0}. Vist: {1}. {2}</translation>
    </message>
    <message>
        <source>Lagt inn av deg {0}.</source>
        <translation>Lagt inn av deg {0}.</translation>
    </message>
    <message>
        <source>Kilde: {0}, {1}. Per {2}. Innhold: {3}.</source>
        <translation>Kilde: {0}, {1}. Per {2}. Innhold: {3}.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>{0} (deler: {1})</source>
        <translation>{0} (deler: {1})</translation>
    </message>
    <message>
        <source>{0} – forsinket</source>
        <translation>{0} – forsinket</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status i planen</source>
        <translation>Status i planen</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Fant ikke dette i innholdet.</source>
        <translation>Fant ikke dette i innholdet.</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Egne kontakter</source>
        <translation>Egne kontakter</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Vis bare</source>
        <translation>Vis bare</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Veiledere</source>
        <translation>Veiledere</translation>
    </message>
    <message>
        <source>Tiltak og planer</source>
        <translation>Tiltak og planer</translation>
    </message>
    <message>
        <source>Søkeresultater</source>
        <translation>Søkeresultater</translation>
    </message>
    <message>
        <source>Søker etter «{0}» …</source>
        <translation>Søker etter «{0}» …</translation>
    </message>
    <message numerus="yes">
        <source>%n treff for «{0}»</source>
        <translation>
            <numerusform>%n treff for «{0}»</numerusform>
            <numerusform>%n treff for «{0}»</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen treff. Prøv et annet ord, en del av et ord eller et telefonnummer. Er det akutt: bruk numrene øverst i vinduet.</source>
        <translation>Ingen treff. Prøv et annet ord, en del av et ord eller et telefonnummer. Er det akutt: bruk numrene øverst i vinduet.</translation>
    </message>
    <message>
        <source>Din region</source>
        <translation>Din region</translation>
    </message>
    <message>
        <source>Nasjonalt</source>
        <translation>Nasjonalt</translation>
    </message>
    <message>
        <source>Regionalt</source>
        <translation>Regionalt</translation>
    </message>
    <message>
        <source>Andre regioner</source>
        <translation>Andre regioner</translation>
    </message>
    <message>
        <source>Utdatert innhold (rangert lavere)</source>
        <translation>Utdatert innhold (rangert lavere)</translation>
    </message>
    <message>
        <source>Nevnt i teksten</source>
        <translation>Nevnt i teksten</translation>
    </message>
    <message>
        <source>Andre regioner – uten brukbart nummer</source>
        <translation>Andre regioner – uten brukbart nummer</translation>
    </message>
    <message>
        <source>ingen brukbart nummer</source>
        <translation>ingen brukbart nummer</translation>
    </message>
    <message>
        <source>utdatert</source>
        <translation>utdatert</translation>
    </message>
    <message>
        <source>Oversatt fra engelsk: {0}</source>
        <translation>Oversatt fra engelsk: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Disken er full eller feiler. Innholdet og numrene vises, men ingenting kan lagres før du frigjør plass og starter appen på nytt.</source>
        <translation>Disken er full eller feiler. Innholdet og numrene vises, men ingenting kan lagres før du frigjør plass og starter appen på nytt.</translation>
    </message>
    <message>
        <source>Innholdet kunne ikke åpnes: {0}

Er noen i fare nå, ring politiets nødnummer.</source>
        <translation>Innholdet kunne ikke åpnes: {0}

Er noen i fare nå, ring politiets nødnummer.</translation>
    </message>
    <message>
        <source>Innstillingen kunne ikke lagres: {0}</source>
        <translation>Innstillingen kunne ikke lagres: {0}</translation>
    </message>
    <message>
        <source>Du ser nå innholdet for {0}.</source>
        <translation>Du ser nå innholdet for {0}.</translation>
    </message>
    <message>
        <source>Du ser nå bare det nasjonale innholdet.</source>
        <translation>Du ser nå bare det nasjonale innholdet.</translation>
    </message>
    <message>
        <source>{0} ({1}) er kopiert.</source>
        <translation>{0} ({1}) er kopiert.</translation>
    </message>
    <message>
        <source>{0} er kopiert.</source>
        <translation>{0} er kopiert.</translation>
    </message>
    <message>
        <source>Kontakten er lagret.</source>
        <translation>Kontakten er lagret.</translation>
    </message>
    <message numerus="yes">
        <source>%n tiltak er eksportert til {0}.</source>
        <translation>
            <numerusform>%n tiltak er eksportert til {0}.</numerusform>
            <numerusform>%n tiltak er eksportert til {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Søkehistorikken er slettet.</source>
        <translation>Søkehistorikken er slettet.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Innstillinger</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Din kommune</source>
        <translation>Din kommune</translation>
    </message>
    <message>
        <source>Bruk valgt kommune</source>
        <translation>Bruk valgt kommune</translation>
    </message>
    <message>
        <source>Bare nasjonalt innhold</source>
        <translation>Bare nasjonalt innhold</translation>
    </message>
    <message>
        <source>Bruk bare nasjonalt innhold</source>
        <translation>Bruk bare nasjonalt innhold</translation>
    </message>
    <message>
        <source>Visning</source>
        <translation>Visning</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Tekststørrelse</source>
        <translation>Tekststørrelse</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>Høy kontrast</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Utskrift</translation>
    </message>
    <message>
        <source>Hvis baksiden havner litt skjevt i forhold til forsiden når du skriver ut tosidig, kan du rette det her. Skriv ut testsiden i Kortstudio og mål hvor mye baksiden er forskjøvet.</source>
        <translation>Hvis baksiden havner litt skjevt i forhold til forsiden når du skriver ut tosidig, kan du rette det her. Skriv ut testsiden i Kortstudio og mål hvor mye baksiden er forskjøvet.</translation>
    </message>
    <message>
        <source>Forskyv baksiden sidelengs, millimeter</source>
        <translation>Forskyv baksiden sidelengs, millimeter</translation>
    </message>
    <message>
        <source>Forskyv baksiden i høyden, millimeter</source>
        <translation>Forskyv baksiden i høyden, millimeter</translation>
    </message>
    <message>
        <source>Sidelengs</source>
        <translation>Sidelengs</translation>
    </message>
    <message>
        <source>I høyden</source>
        <translation>I høyden</translation>
    </message>
    <message>
        <source>Varsler og personvern</source>
        <translation>Varsler og personvern</translation>
    </message>
    <message>
        <source>Varsle når opplysningene er eldre enn, måneder</source>
        <translation>Varsle når opplysningene er eldre enn, måneder</translation>
    </message>
    <message>
        <source> måneder</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>Varsle når opplysninger er eldre enn</source>
        <translation>Varsle når opplysninger er eldre enn</translation>
    </message>
    <message>
        <source>Husk det jeg søker etter på denne maskinen</source>
        <translation>Husk det jeg søker etter på denne maskinen</translation>
    </message>
    <message>
        <source>Husk søkehistorikk</source>
        <translation>Husk søkehistorikk</translation>
    </message>
    <message>
        <source>Søk lagres ikke med mindre du slår dette på.</source>
        <translation>Søk lagres ikke med mindre du slår dette på.</translation>
    </message>
    <message>
        <source>Slett søkehistorikken</source>
        <translation>Slett søkehistorikken</translation>
    </message>
    <message>
        <source>Innhold og oppdateringer</source>
        <translation>Innhold og oppdateringer</translation>
    </message>
    <message>
        <source>Oppdateringskilde, nettadresse eller mappe</source>
        <translation>Oppdateringskilde, nettadresse eller mappe</translation>
    </message>
    <message>
        <source>https://… eller en mappe</source>
        <translation>https://… eller en mappe</translation>
    </message>
    <message>
        <source>Oppdateringskilde</source>
        <translation>Oppdateringskilde</translation>
    </message>
    <message>
        <source>Utgivernøkler appen stoler på</source>
        <translation>Utgivernøkler appen stoler på</translation>
    </message>
    <message>
        <source>Stol på nøkkel …</source>
        <translation>Stol på nøkkel …</translation>
    </message>
    <message>
        <source>Stol på en utgivers offentlige nøkkel</source>
        <translation>Stol på en utgivers offentlige nøkkel</translation>
    </message>
    <message>
        <source>Fjern valgt nøkkel</source>
        <translation>Fjern valgt nøkkel</translation>
    </message>
    <message>
        <source>Slutt å stole på valgt nøkkel</source>
        <translation>Slutt å stole på valgt nøkkel</translation>
    </message>
    <message>
        <source>Installert innhold</source>
        <translation>Installert innhold</translation>
    </message>
    <message>
        <source>Se etter oppdateringer</source>
        <translation>Se etter oppdateringer</translation>
    </message>
    <message>
        <source>Importer fra mappe …</source>
        <translation>Importer fra mappe …</translation>
    </message>
    <message>
        <source>Importer innhold fra en mappe</source>
        <translation>Importer innhold fra en mappe</translation>
    </message>
    <message>
        <source>Gå tilbake til forrige versjon</source>
        <translation>Gå tilbake til forrige versjon</translation>
    </message>
    <message>
        <source>Gå tilbake til forrige versjon av valgt innhold</source>
        <translation>Gå tilbake til forrige versjon av valgt innhold</translation>
    </message>
    <message>
        <source>Fremdrift</source>
        <translation>Fremdrift</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Avbryt oppdateringen</source>
        <translation>Avbryt oppdateringen</translation>
    </message>
    <message>
        <source>Valgt: {0} ({1})</source>
        <translation>Valgt: {0} ({1})</translation>
    </message>
    <message>
        <source>Valgt: bare nasjonalt innhold</source>
        <translation>Valgt: bare nasjonalt innhold</translation>
    </message>
    <message>
        <source>{0} – versjon {1}, {2}</source>
        <translation>{0} – versjon {1}, {2}</translation>
    </message>
    <message>
        <source>rotnøkkel</source>
        <translation>rotnøkkel</translation>
    </message>
    <message>
        <source>utgiver</source>
        <translation>utgiver</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <source>Velg utgiverens offentlige nøkkel</source>
        <translation>Velg utgiverens offentlige nøkkel</translation>
    </message>
    <message>
        <source>Nøkler (*.pub)</source>
        <translation>Nøkler (*.pub)</translation>
    </message>
</context>
<context>
    <name>Situations</name>
    <message>
        <source>Bekymret for et barn</source>
        <translation>Bekymret for et barn</translation>
    </message>
    <message>
        <source>Når du er bekymret for at et barn blir utsatt for vold, overgrep eller omsorgssvikt.</source>
        <translation>Når du er bekymret for at et barn blir utsatt for vold, overgrep eller omsorgssvikt.</translation>
    </message>
    <message>
        <source>Bekymret for en voksen</source>
        <translation>Bekymret for en voksen</translation>
    </message>
    <message>
        <source>Når du er bekymret for at en voksen blir utsatt for vold fra en partner eller et familiemedlem.</source>
        <translation>Når du er bekymret for at en voksen blir utsatt for vold fra en partner eller et familiemedlem.</translation>
    </message>
    <message>
        <source>Bekymret for en eldre eller risikoutsatt voksen</source>
        <translation>Bekymret for en eldre eller risikoutsatt voksen</translation>
    </message>
    <message>
        <source>Når en eldre eller en voksen som trenger hjelp i hverdagen kan bli utsatt for vold.</source>
        <translation>Når en eldre eller en voksen som trenger hjelp i hverdagen kan bli utsatt for vold.</translation>
    </message>
    <message>
        <source>Noen som utøver vold</source>
        <translation>Noen som utøver vold</translation>
    </message>
    <message>
        <source>Når noen utøver vold, eller er redd for å gjøre det, og trenger hjelp til å stoppe.</source>
        <translation>Når noen utøver vold, eller er redd for å gjøre det, og trenger hjelp til å stoppe.</translation>
    </message>
    <message>
        <source>Æresrelatert vold og negativ sosial kontroll</source>
        <translation>Æresrelatert vold og negativ sosial kontroll</translation>
    </message>
    <message>
        <source>Æresrelatert vold, negativ sosial kontroll, tvangsekteskap og kjønnslemlestelse.</source>
        <translation>Æresrelatert vold, negativ sosial kontroll, tvangsekteskap og kjønnslemlestelse.</translation>
    </message>
</context>
<context>
    <name>StripButton</name>
    <message>
        <source>{0}, {1}. Kopier nummeret</source>
        <translation>{0}, {1}. Kopier nummeret</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Gikk tilbake til forrige versjon: {0}</source>
        <translation>Gikk tilbake til forrige versjon: {0}</translation>
    </message>
</context>
<context>
    <name>SyncFlow</name>
    <message>
        <source>Ser etter oppdateringer …</source>
        <translation>Ser etter oppdateringer …</translation>
    </message>
    <message>
        <source>Nytt innhold er klart: {0}. Installer det under Innstillinger.</source>
        <translation>Nytt innhold er klart: {0}. Installer det under Innstillinger.</translation>
    </message>
    <message>
        <source>Velg mappen med innholdet som skal importeres</source>
        <translation>Velg mappen med innholdet som skal importeres</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>Stol på utgivernøkkel</source>
        <translation>Stol på utgivernøkkel</translation>
    </message>
    <message>
        <source>Sammenlign nøkkel-ID og fingeravtrykk med det utgiveren har gitt deg (på papir eller i telefon) før du stoler på nøkkelen.</source>
        <translation>Sammenlign nøkkel-ID og fingeravtrykk med det utgiveren har gitt deg (på papir eller i telefon) før du stoler på nøkkelen.</translation>
    </message>
    <message>
        <source>Nøkkel-ID</source>
        <translation>Nøkkel-ID</translation>
    </message>
    <message>
        <source>Fingeravtrykk</source>
        <translation>Fingeravtrykk</translation>
    </message>
    <message>
        <source>Regioner nøkkelen får publisere</source>
        <translation>Regioner nøkkelen får publisere</translation>
    </message>
    <message>
        <source>for eksempel gjovik, nasjonal</source>
        <translation>for eksempel gjovik, nasjonal</translation>
    </message>
    <message>
        <source>Får publisere</source>
        <translation>Får publisere</translation>
    </message>
    <message>
        <source>Rotnøkkel (godkjenner og trekker tilbake nøkler, signerer aldri innhold)</source>
        <translation>Rotnøkkel (godkjenner og trekker tilbake nøkler, signerer aldri innhold)</translation>
    </message>
    <message>
        <source>Rotnøkkel</source>
        <translation>Rotnøkkel</translation>
    </message>
    <message>
        <source>Skriv regionene nøkkelen får publisere, med komma mellom (for eksempel gjovik, hamar, eller nasjonal for nasjonalt innhold).</source>
        <translation>Skriv regionene nøkkelen får publisere, med komma mellom (for eksempel gjovik, hamar, eller nasjonal for nasjonalt innhold).</translation>
    </message>
</context>
<context>
    <name>UpdateReport</name>
    <message>
        <source>Innholdet er oppdatert</source>
        <translation>Innholdet er oppdatert</translation>
    </message>
    <message>
        <source>Endringer i innholdet</source>
        <translation>Endringer i innholdet</translation>
    </message>
    <message>
        <source>Dette er endret</source>
        <translation>Dette er endret</translation>
    </message>
    <message>
        <source>Kort du bør skrive ut på nytt</source>
        <translation>Kort du bør skrive ut på nytt</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Lukk</translation>
    </message>
</context>
</TS>
