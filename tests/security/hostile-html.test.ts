import { describeHostileDeck, HOSTILE_ARTICLES } from './hostile-decks.js';

describeHostileDeck(HOSTILE_ARTICLES.html);
