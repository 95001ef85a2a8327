// RotaGreedy
