// RotaWorkflows
