/** Vanilla's game modes by number, as the protocol names them (1.20.5+ login and respawn packets, /gamemode). */
export const GAME_MODES = ['survival', 'creative', 'adventure', 'spectator'] as const;
