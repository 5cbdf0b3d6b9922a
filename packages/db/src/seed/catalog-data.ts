// The demo library, compactly: artist → albums → tracks ("|"-separated). A null album is a loose
// single, a null year a recording nobody dated. Real songs, so the demo looks like a real library;
// catalog.ts expands this into songs and playlists.

export type Genre =
  | "rock"
  | "pop"
  | "jazz"
  | "electronic"
  | "folk"
  | "soul"
  | "hiphop"
  | "classical"
  | "world";

export type AlbumEntry = readonly [album: string | null, year: number | null, tracks: string];
export type ArtistEntry = readonly [artist: string, genre: Genre, albums: readonly AlbumEntry[]];

// biome-ignore format: one line per album keeps the table scannable
export const ARTISTS: readonly ArtistEntry[] = [
  ["Radiohead", "rock", [
    ["OK Computer", 1997, "Airbag|Paranoid Android|Exit Music (For a Film)|Karma Police|No Surprises|Lucky"],
    ["In Rainbows", 2007, "15 Step|Nude|Weird Fishes/Arpeggi|Reckoner|House of Cards"],
  ]],
  ["The Beatles", "rock", [
    ["Revolver", 1966, "Taxman|Eleanor Rigby|Here, There and Everywhere|Tomorrow Never Knows"],
    ["Abbey Road", 1969, "Come Together|Something|Here Comes the Sun|Because|Golden Slumbers"],
  ]],
  ["Fleetwood Mac", "rock", [
    ["Rumours", 1977, "Second Hand News|Dreams|Never Going Back Again|Go Your Own Way|The Chain|Songbird"],
  ]],
  ["Led Zeppelin", "rock", [
    ["Led Zeppelin IV", 1971, "Black Dog|Rock and Roll|The Battle of Evermore|Stairway to Heaven|When the Levee Breaks"],
  ]],
  ["Nirvana", "rock", [["Nevermind", 1991, "Smells Like Teen Spirit|In Bloom|Come as You Are|Lithium|Drain You"]]],
  ["Queen", "rock", [
    ["A Night at the Opera", 1975, "You're My Best Friend|'39|Love of My Life|Bohemian Rhapsody"],
    [null, 1981, "Under Pressure"],
  ]],
  ["David Bowie", "rock", [
    ["Hunky Dory", 1971, "Changes|Oh! You Pretty Things|Life on Mars?|Kooks"],
    ["Let's Dance", 1983, "Modern Love|China Girl|Let's Dance"],
  ]],
  ["Pink Floyd", "rock", [
    ["The Dark Side of the Moon", 1973, "Breathe|Time|The Great Gig in the Sky|Money|Us and Them|Eclipse"],
  ]],
  ["The Strokes", "rock", [["Is This It", 2001, "Is This It|The Modern Age|Someday|Last Nite|Hard to Explain"]]],
  ["Arctic Monkeys", "rock", [
    ["AM", 2013, "Do I Wanna Know?|R U Mine?|Arabella|Why'd You Only Call Me When You're High?"],
  ]],
  ["The Cure", "rock", [
    ["Disintegration", 1989, "Plainsong|Pictures of You|Lovesong|Lullaby"],
    ["Wish", 1992, "High|Friday I'm in Love"],
  ]],
  ["Sigur Rós", "rock", [
    ["Ágætis byrjun", 1999, "Svefn-g-englar|Starálfur|Ný batterí|Olsen Olsen"],
    ["Takk...", 2005, "Glósóli|Hoppípolla|Sæglópur"],
  ]],
  ["Beyoncé", "pop", [
    ["Dangerously in Love", 2003, "Crazy in Love|Naughty Girl|Me, Myself and I"],
    ["Lemonade", 2016, "Hold Up|Sorry|Freedom|Formation"],
    ["Renaissance", 2022, "Alien Superstar|Cuff It|Break My Soul"],
  ]],
  ["Taylor Swift", "pop", [
    ["1989", 2014, "Welcome to New York|Blank Space|Style|Out of the Woods|Shake It Off|Wildest Dreams"],
    ["folklore", 2020, "the 1|cardigan|exile|august"],
  ]],
  ["Björk", "pop", [
    ["Debut", 1993, "Human Behaviour|Venus as a Boy|Big Time Sensuality"],
    ["Homogenic", 1997, "Hunter|Jóga|Bachelorette|All Is Full of Love"],
  ]],
  ["Robyn", "pop", [["Body Talk", 2010, "Dancing on My Own|Call Your Girlfriend|Indestructible|Hang with Me"]]],
  ["Madonna", "pop", [
    ["Like a Prayer", 1989, "Like a Prayer|Express Yourself|Cherish"],
    ["Ray of Light", 1998, "Frozen|Ray of Light|The Power of Good-Bye"],
  ]],
  ["ABBA", "pop", [
    ["Arrival", 1976, "When I Kissed the Teacher|Dancing Queen|Money, Money, Money|Knowing Me, Knowing You"],
  ]],
  ["Stromae", "pop", [["Racine carrée", 2013, "Ta fête|Papaoutai|Tous les mêmes|Formidable|Carmen"]]],
  ["Christine and the Queens", "pop", [["Chaleur humaine", 2014, "Saint Claude|Tilted|Christine|Paradis perdus"]]],
  ["Dua Lipa", "pop", [
    ["Future Nostalgia", 2020, "Future Nostalgia|Don't Start Now|Physical|Levitating|Break My Heart"],
  ]],
  ["Prince", "pop", [
    ["Purple Rain", 1984, "Let's Go Crazy|Take Me with U|When Doves Cry|I Would Die 4 U|Purple Rain"],
  ]],
  ["Michael Jackson", "pop", [
    ["Thriller", 1982, "Wanna Be Startin' Somethin'|Thriller|Beat It|Billie Jean|Human Nature"],
  ]],
  ["宇多田ヒカル", "pop", [["First Love", 1999, "Automatic|Movin' on without you|First Love"]]],
  ["Miles Davis", "jazz", [
    ["Kind of Blue", 1959, "So What|Freddie Freeloader|Blue in Green|All Blues|Flamenco Sketches"],
  ]],
  ["John Coltrane", "jazz", [
    ["Giant Steps", 1960, "Giant Steps|Cousin Mary|Countdown|Naima|Mr. P.C."],
    ["A Love Supreme", 1965, "Acknowledgement|Resolution|Pursuance|Psalm"],
  ]],
  ["The Dave Brubeck Quartet", "jazz", [
    ["Time Out", 1959, "Blue Rondo à la Turk|Strange Meadow Lark|Take Five|Three to Get Ready|Kathy's Waltz"],
  ]],
  ["Bill Evans Trio", "jazz", [["Waltz for Debby", 1962, "My Foolish Heart|Waltz for Debby|Detour Ahead|My Romance"]]],
  ["Nina Simone", "jazz", [
    ["Little Girl Blue", 1959, "Mood Indigo|My Baby Just Cares for Me|Little Girl Blue|I Loves You, Porgy"],
    ["I Put a Spell on You", 1965, "I Put a Spell on You|Feeling Good|Ne me quitte pas"],
  ]],
  ["Ella Fitzgerald & Louis Armstrong", "jazz", [
    ["Ella and Louis", 1956, "Can't We Be Friends?|Isn't This a Lovely Day?|Moonlight in Vermont|Cheek to Cheek|April in Paris"],
  ]],
  ["Thelonious Monk", "jazz", [
    ["Brilliant Corners", 1957, "Brilliant Corners|Ba-lue Bolivar Ba-lues-are|Pannonica|I Surrender, Dear|Bemsha Swing"],
  ]],
  ["Kamasi Washington", "jazz", [["The Epic", 2015, "Change of the Guard|Askim|Re Run Home|The Rhythm Changes"]]],
  ["Esbjörn Svensson Trio", "jazz", [
    ["Seven Days of Falling", 2003, "Ballad for the Unborn|Seven Days of Falling|Believe, Beleft, Below|Elevation of Love"],
  ]],
  ["Daft Punk", "electronic", [
    ["Discovery", 2001, "One More Time|Aerodynamic|Digital Love|Harder, Better, Faster, Stronger|Something About Us"],
    ["Random Access Memories", 2013, "Give Life Back to Music|Instant Crush|Lose Yourself to Dance|Get Lucky"],
  ]],
  ["Aphex Twin", "electronic", [
    ["Selected Ambient Works 85–92", 1992, "Xtal|Tha|Pulsewidth|Ageispolis"],
    [null, 1999, "Windowlicker"],
  ]],
  ["Kraftwerk", "electronic", [
    ["Trans-Europe Express", 1977, "Europe Endless|The Hall of Mirrors|Showroom Dummies|Trans-Europe Express"],
    ["Computer World", 1981, "Computer World|Pocket Calculator|Numbers|Computer Love"],
  ]],
  ["Massive Attack", "electronic", [
    ["Blue Lines", 1991, "Safe from Harm|Unfinished Sympathy"],
    ["Mezzanine", 1998, "Angel|Risingson|Teardrop|Inertia Creeps"],
  ]],
  ["Röyksopp", "electronic", [["Melody A.M.", 2001, "So Easy|Eple|Poor Leno|Remind Me"]]],
  ["Air", "electronic", [
    ["Moon Safari", 1998, "La femme d'argent|Sexy Boy|All I Need|Kelly Watch the Stars|Talisman"],
  ]],
  ["Caribou", "electronic", [
    ["Swim", 2010, "Odessa|Sun|Kaili"],
    ["Our Love", 2014, "Can't Do Without You|Our Love"],
  ]],
  ["Jean-Michel Jarre", "electronic", [
    ["Oxygène", 1976, "Oxygène (Part I)|Oxygène (Part II)|Oxygène (Part IV)"],
  ]],
  ["Joni Mitchell", "folk", [
    ["Blue", 1971, "All I Want|My Old Man|Little Green|Carey|Blue|California|A Case of You|River"],
  ]],
  ["Bob Dylan", "folk", [
    ["The Freewheelin' Bob Dylan", 1963, "Blowin' in the Wind|Girl from the North Country|Masters of War|A Hard Rain's a-Gonna Fall"],
    ["Highway 61 Revisited", 1965, "Like a Rolling Stone|Tombstone Blues|Ballad of a Thin Man|Desolation Row"],
  ]],
  ["Nick Drake", "folk", [["Pink Moon", 1972, "Pink Moon|Place to Be|Road|Which Will|Things Behind the Sun"]]],
  ["Simon & Garfunkel", "folk", [
    ["Bridge over Troubled Water", 1970, "Bridge over Troubled Water|El Condor Pasa (If I Could)|Cecilia|The Boxer"],
  ]],
  ["Bon Iver", "folk", [
    ["For Emma, Forever Ago", 2007, "Flume|Lump Sum|Skinny Love|The Wolves (Act I and II)|Re: Stacks"],
  ]],
  ["Fleet Foxes", "folk", [
    ["Fleet Foxes", 2008, "Sun It Rises|White Winter Hymnal|Ragged Wood|Tiger Mountain Peasant Song"],
  ]],
  ["José González", "folk", [["Veneer", 2003, "Slow Moves|Remain|Lovestain|Crosses|Heartbeats"]]],
  ["Sufjan Stevens", "folk", [
    ["Illinois", 2005, "Chicago|Casimir Pulaski Day|John Wayne Gacy, Jr."],
    ["Carrie & Lowell", 2015, "Death with Dignity|Should Have Known Better|Eugene|Fourth of July"],
  ]],
  ["Traditional", "folk", [[null, null, "Greensleeves|Scarborough Fair|Danny Boy|The Water Is Wide|Wayfaring Stranger"]]],
  ["Aretha Franklin", "soul", [
    ["I Never Loved a Man the Way I Love You", 1967, "Respect|Drown in My Own Tears|Do Right Woman, Do Right Man"],
  ]],
  ["Marvin Gaye", "soul", [
    ["What's Going On", 1971, "What's Going On|What's Happening Brother|Mercy Mercy Me (The Ecology)|Inner City Blues (Make Me Wanna Holler)"],
  ]],
  ["Stevie Wonder", "soul", [
    ["Innervisions", 1973, "Too High|Living for the City|Higher Ground"],
    ["Songs in the Key of Life", 1976, "Sir Duke|I Wish|Isn't She Lovely|As"],
  ]],
  ["Otis Redding", "soul", [
    ["Otis Blue", 1965, "Ole Man Trouble|Respect|I've Been Loving You Too Long|Satisfaction"],
    [null, 1968, "(Sittin' On) The Dock of the Bay"],
  ]],
  ["Amy Winehouse", "soul", [
    ["Back to Black", 2006, "Rehab|You Know I'm No Good|Back to Black|Tears Dry on Their Own|Love Is a Losing Game"],
  ]],
  ["D'Angelo", "soul", [["Voodoo", 2000, "Devil's Pie|Spanish Joint|Untitled (How Does It Feel)|Send It On"]]],
  ["Erykah Badu", "soul", [["Baduizm", 1997, "On & On|Appletree|Otherside of the Game|Next Lifetime"]]],
  ["Sade", "soul", [
    ["Diamond Life", 1984, "Smooth Operator|Your Love Is King|Hang On to Your Love"],
    ["Love Deluxe", 1992, "No Ordinary Love|Kiss of Life|Cherish the Day"],
  ]],
  ["Kendrick Lamar", "hiphop", [
    ["good kid, m.A.A.d city", 2012, "Money Trees|Poetic Justice|Swimming Pools (Drank)"],
    ["To Pimp a Butterfly", 2015, "Wesley's Theory|King Kunta|Alright|The Blacker the Berry|i"],
  ]],
  ["Lauryn Hill", "hiphop", [
    ["The Miseducation of Lauryn Hill", 1998, "Lost Ones|Ex-Factor|To Zion|Doo Wop (That Thing)|Everything Is Everything"],
  ]],
  ["A Tribe Called Quest", "hiphop", [
    ["The Low End Theory", 1991, "Buggin' Out|Check the Rhime|Jazz (We've Got)|Scenario"],
  ]],
  ["Outkast", "hiphop", [
    ["Stankonia", 2000, "So Fresh, So Clean|Ms. Jackson|B.O.B."],
    ["Speakerboxxx/The Love Below", 2003, "Hey Ya!|Roses|The Way You Move"],
  ]],
  ["Madvillain", "hiphop", [
    ["Madvillainy", 2004, "Accordion|Meat Grinder|Rhinestone Cowboy|All Caps|America's Most Blunted"],
  ]],
  ["Glenn Gould", "classical", [
    ["Bach: The Goldberg Variations", 1981, "Aria|Variation 1|Variation 2|Variation 3 (Canone all'Unisono)|Aria da capo"],
  ]],
  ["Max Richter", "classical", [
    ["The Blue Notebooks", 2004, "On the Nature of Daylight|Vladimir's Blues|Written on the Sky"],
    ["Recomposed by Max Richter: Vivaldi, The Four Seasons", 2012, "Spring 1|Summer 3|Autumn 3|Winter 1"],
  ]],
  ["Arvo Pärt", "classical", [["Alina", 1999, "Spiegel im Spiegel|Für Alina"]]],
  ["坂本龍一", "classical", [
    ["Merry Christmas Mr. Lawrence", 1983, "Merry Christmas Mr. Lawrence|The Seed and the Sower"],
    [null, 1999, "Energy Flow"],
  ]],
  ["Ludovico Einaudi", "classical", [["Una mattina", 2004, "Una mattina|Nuvole bianche|Resta con me"]]],
  ["Buena Vista Social Club", "world", [
    ["Buena Vista Social Club", 1997, "Chan Chan|De camino a la vereda|El cuarto de Tula|Dos gardenias|¿Y tú qué has hecho?|Veinte años"],
  ]],
  ["Caetano Veloso", "world", [["Caetano Veloso", 1968, "Tropicália|Alegria, Alegria|Superbacana"]]],
  ["Astor Piazzolla", "world", [
    ["Adiós Nonino", 1969, "Adiós Nonino|Otoño porteño|Verano porteño"],
    ["Libertango", 1974, "Libertango|Meditango"],
  ]],
  ["Rosalía", "world", [
    ["El mal querer", 2018, "Malamente|Pienso en tu mirá|Di mi nombre|Bagdad"],
    ["Motomami", 2022, "Saoko|Candy|La fama|Bizcochito"],
  ]],
  ["Natalia Lafourcade", "world", [
    ["Hasta la raíz", 2015, "Hasta la raíz|Lo que construimos|Tú sí sabes quererme|Mi lugar favorito"],
  ]],
  ["Mercedes Sosa", "world", [[null, 1971, "Gracias a la vida"]]],
  ["Édith Piaf", "world", [[null, 1947, "La Vie en rose"], [null, 1960, "Non, je ne regrette rien"]]],
];
