// RotaModel
