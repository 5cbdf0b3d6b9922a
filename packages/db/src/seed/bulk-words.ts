// Words the bulk generator builds artist, album and song names from. A hundred of each gives ten
// thousand distinct pairs per name style; a few non-ASCII words keep case folding and trigram
// search honest. Nouns must make a plural with a plain "s" ("The Velvet Harbors").

const words = (text: string) => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  Ada Alma Ana Anaïs Arlo Astrid Aurora Ben Bianca Björn Camille Carlos Chloé Clara Dario Dev Eli
  Elena Emil Esme Ezra Fatima Felix Freya Gabriel Greta Hana Hugo Ines Ingrid Isak Ivy Jada Jonas
  José Juno Kai Kenji Lars Lea Leon Lila Lucas Luna Maja Malik Marco Mateo Maya Mika Milo Nadia
  Nico Nina Noor Oliver Olga Omar Oscar Paloma Pavel Priya Quinn Rafael Renée Rosa Ruby Sami Sara
  Silas Sofia Søren Stella Tariq Teo Thea Tomás Uma Valeria Vera Victor Wanda Wes Xavier Yara
  Yusuf Zara Zoë Łukasz Ayşe Mei Aiko Chidi Kwame Leila Ravi Tove Iris Otto Hedda
`);

export const LAST_NAMES = words(`
  Abbott Alvarez Andersen Baker Bauer Bellamy Berg Blackwood Brennan Castillo Chen Costa Dahl
  Delgado Dvořák Eriksen Fischer Fontaine García Goldberg Haddad Hale Hart Holm Ibarra Ishikawa
  Jansen Jovanović Kaur Keller Kim Kowalski Lambert Larsen Lefèvre Lindqvist Lopez Mahler Marsh
  Medina Meyer Moreau Morrison Müller Nakamura Navarro Novak Núñez Nyberg O'Brien Ødegaard Okafor
  Olsen Ortega Öztürk Park Patel Perez Petrov Reyes Ricci Rivera Romano Rossi Sato Schmidt Serrano
  Shah Silva Sokolov Stone Strand Suzuki Svensson Tanaka Torres Varga Vasquez Vidal Wagner Walsh
  Weber Wolfe Wong Yilmaz Young Zhang Ziegler Bianchi Carvalho Dubois Esposito Fernández Gallagher
  Horvat Iversen Jensen Kovač Lund Mendes
`);

export const ADJECTIVES = words(`
  Amber Ancient Bitter Blue Bright Broken Burning Silent Cold Crimson Crystal Dark Distant Dusty
  Electric Empty Endless Fading Falling Final Flying Frozen Gentle Ghostly Golden Hidden Hollow
  Honest Hungry Indigo Iron Jade Last Lazy Little Lonely Lost Lucky Mad Magic Marble Midnight
  Mighty Modern Neon Nervous Northern Paper Pale Perfect Plastic Purple Quiet Radiant Rapid
  Restless Rusty Sacred Scarlet Secret Shallow Shining Silver Simple Sleepy Slow Soft Solar
  Southern Static Steady Stolen Strange Sudden Sunny Sweet Tender Tiny Twisted Velvet Violet
  Wandering Warm Western Wicked Wild Wooden Young Yellow Bleu Électrique Dorado Sombre Über
  Hazy Lunar Opal Rosy Stormy Fragile
`);

export const NOUNS = words(`
  Anchor Arrow Avenue Bell Bird Bridge Canyon Castle Cloud Comet Crown Dancer Desert Diamond Dream
  Drum Eagle Echo Engine Feather Field Flame Flower Garden Ghost Giant Hammer Harbor Heart Horse
  Island Jungle Key Kingdom Lantern Lion Machine Meadow Mirror Monster Moon Mountain Needle Ocean
  Orchard Palace Parade Pilot Planet Pocket Prophet Queen Rebel Ribbon River Robot Rocket Saint
  Sailor Shadow Signal Singer Skyline Soldier Spark Spider Star Stone Storm Stranger Summer Sun
  Tiger Tower Train Traveler Tunnel Valley Wave Window Winter Wanderer Wheel Whisper Wing Wire
  Wizard Zebra Garçon Señorita Niño Café Fjord Volcano Lighthouse Harp Falcon Harvest
  Painter Tulip
`);
