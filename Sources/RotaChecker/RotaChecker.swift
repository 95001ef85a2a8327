// RotaChecker
